package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several workers (threads here, each with its own connections, as processes would have) on the same bytes. */
class MediaStoreConcurrencyTest {

    private static final int WORKERS = 8;

    @TempDir
    Path mediaDir;

    private DSLContext db;
    private MediaStore store;
    private StoreContents contents;
    private ExecutorService threads;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        store = new MediaStore(mediaDir, db);
        contents = new StoreContents(db, mediaDir);
        threads = Executors.newFixedThreadPool(WORKERS);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workersStoringTheSameBytesAtOnceKeepOneFileAndExactCounts() throws Exception {
        ArchivedPost post = ArchivedPost.create(db, "2001");
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            byte[] bytes = new GeneratedBytes(200_000 + round, round).readAllBytes();
            List<HashedFile> downloads = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                downloads.add(download(bytes, "worker-" + worker));
            }
            CyclicBarrier start = new CyclicBarrier(WORKERS);
            List<Future<StoredFile>> results = new ArrayList<>();
            for (HashedFile download : downloads) {
                MediaStore.Linker linker = post.newAudio();
                results.add(threads.submit(() -> {
                    start.await();
                    return store.store(download, "audio/mpeg", "mp3", linker);
                }));
            }
            List<StoredFile> stored = new ArrayList<>();
            for (Future<StoredFile> result : results) {
                stored.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(stored)
                    .extracting(StoredFile::id)
                    .as("round %d: one row", round)
                    .containsOnly(stored.getFirst().id());
            assertThat(stored)
                    .filteredOn(StoredFile::isNew)
                    .as("round %d: placed once", round)
                    .hasSize(1);
        }

        assertThat(contents.rows())
                .hasSize(rounds)
                .allSatisfy(row -> assertThat(row.getReferenceCount()).isEqualTo(WORKERS));
        assertThat(contents.files()).hasSize(rounds);
        assertThat(contents.tempFiles()).isEmpty();
        contents.assertConsistent();
    }

    @Test
    void releasesRacingStoresOfTheSameBytesNeverLoseAFileOrMiscount() throws Exception {
        ArchivedPost leaving = ArchivedPost.create(db, "3001");
        ArchivedPost arriving = ArchivedPost.create(db, "3002");
        byte[] bytes = new GeneratedBytes(50_000, 7).readAllBytes();
        int iterations = 150;
        int releaseFirst = 0;
        for (int i = 0; i < iterations; i++) {
            StoredFile held = store.store(download(bytes, "worker-a"), "audio/mpeg", "mp3", leaving.newAudio());
            HashedFile incoming = download(bytes, "worker-b");
            MediaStore.Linker arrivingLink = arriving.newAudio();
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Integer> release = threads.submit(() -> {
                start.await();
                jitter();
                leaving.forget(db, held.id());
                return store.release(List.of(held.id()));
            });
            Future<StoredFile> arrival = threads.submit(() -> {
                start.await();
                jitter();
                return store.store(incoming, "audio/mpeg", "mp3", arrivingLink);
            });
            int released = release.get(30, TimeUnit.SECONDS);
            StoredFile arrived = arrival.get(30, TimeUnit.SECONDS);

            // Either order is right; which one happened shows in both results, which must agree.
            assertThat(arrived.isNew())
                    .as("iteration %d: a new row exactly when the release went first", i)
                    .isEqualTo(released == 1);
            assertThat(contents.rows())
                    .as("iteration %d", i)
                    .singleElement()
                    .satisfies(row -> assertThat(row.getId()).isEqualTo(arrived.id()))
                    .satisfies(row -> assertThat(row.getReferenceCount()).isEqualTo(1));
            contents.assertConsistent();
            releaseFirst += released;

            arriving.forget(db, arrived.id());
            assertThat(store.release(List.of(arrived.id()))).isEqualTo(1);
            assertThat(contents.files()).isEmpty();
        }
        System.out.printf("release went first in %d of %d races%n", releaseFirst, iterations);
        assertThat(contents.tempFiles()).isEmpty();
    }

    private HashedFile download(byte[] bytes, String workerId) throws IOException {
        return new HashingDownload(store.tempDir(workerId)).copy(new ByteArrayInputStream(bytes));
    }

    /** Varies which side reaches the database first. */
    private static void jitter() throws InterruptedException {
        int micros = ThreadLocalRandom.current().nextInt(3000);
        TimeUnit.MICROSECONDS.sleep(micros);
    }
}
