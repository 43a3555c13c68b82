package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobCodecTest {

    record PostDetails(long postId, String externalId) {}

    private static final Instant ENQUEUED = Instant.parse("2026-11-21T10:15:30.250Z");

    @Test
    void writesTheDocumentedFieldsInOrderWithASnakeCasePayload() {
        Job job =
                new Job("j-1", "post_details", JobCodec.payloadJson(new PostDetails(42, "123456")), 0, ENQUEUED, null);

        assertThat(JobCodec.encode(job)).isEqualTo("""
                {"id":"j-1","type":"post_details","payload":{"post_id":42,"external_id":"123456"},\
                "attempt":0,"enqueued_at":"2026-11-21T10:15:30.250Z","last_error":null}""");
    }

    @Test
    void readsBackWhatItWrote() {
        Job job = new Job(
                "j-2",
                "post_details",
                JobCodec.payloadJson(new PostDetails(7, "x")),
                3,
                ENQUEUED,
                "IOException: \"quoted\" reset");

        Job decoded = JobCodec.decode(JobCodec.encode(job));

        assertThat(decoded).isEqualTo(job);
        assertThat(JobCodec.payload(decoded, PostDetails.class)).isEqualTo(new PostDetails(7, "x"));
    }

    @Test
    void ignoresPayloadFieldsItDoesNotKnow() {
        Job job = new Job(
                "j-3", "post_details", "{\"post_id\":1,\"external_id\":\"e\",\"added_later\":true}", 0, ENQUEUED, null);

        assertThat(JobCodec.payload(job, PostDetails.class)).isEqualTo(new PostDetails(1, "e"));
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> JobCodec.decode("not json"))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageStartingWith("job is not JSON");
        assertThatThrownBy(() -> JobCodec.decode("{\"id\":\"a\",\"type\":\"t\",\"payload\":{},\"attempt\":-1,"
                        + "\"enqueued_at\":\"2026-11-21T10:15:30Z\"}"))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("'attempt'");
        assertThatThrownBy(() -> JobCodec.decode("{\"id\":\"a\",\"type\":\"t\",\"payload\":{},\"attempt\":0,"
                        + "\"enqueued_at\":\"yesterday\"}"))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("'enqueued_at'");
        assertThatThrownBy(() -> JobCodec.decode(
                        "{\"type\":\"t\",\"payload\":{},\"attempt\":0," + "\"enqueued_at\":\"2026-11-21T10:15:30Z\"}"))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("'id'");
    }

    @Test
    void aPayloadOfTheWrongShapeIsAMalformedJob() {
        Job job = new Job("j-4", "post_details", "{\"post_id\":\"not a number\"}", 0, ENQUEUED, null);

        assertThatThrownBy(() -> JobCodec.payload(job, PostDetails.class))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("j-4")
                .hasMessageContaining("PostDetails");
    }
}
