package org.creatorarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad settings value stops the start with one line naming the file, the JSON path and the rule. */
class SettingsErrorsTest {

    private static final String FILE = "config/settings.json";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # unknown keys at every depth
            {"scraping": {"max_retry": 3}}                                  | scraping.max_retry: unknown key
            {"medias": {}}                                                  | medias: unknown key
            {"media": {"youtube": {"download_settings": {"subtitle": []}}}} | media.youtube.download_settings.subtitle: unknown key
            {"queue": {"concurrency": {"phase4": 1}}}                       | queue.concurrency.phase4: unknown key
            {"media": {"patreon": {"videos": {"resolution": "1080p"}}}}     | media.patreon.videos.resolution: unknown key
            # wrong types and nulls
            {"media": "all"}                                                | media: must be an object, got "all"
            {"media": {"images": null}}                                     | media.images: must be an object, got null
            {"media": {"images": {"download": "yes"}}}                      | media.images.download: must be true or false, got "yes"
            {"media": {"images": {"store_urls": null}}}                     | media.images.store_urls: must be true or false, got null
            {"media": {"patreon": {"attachments": {"download": 1}}}}        | media.patreon.attachments.download: must be true or false, got 1
            {"media": {"patreon": {"videos": {"quality": ""}}}}             | media.patreon.videos.quality: must be a non-empty string, got ""
            {"media": {"patreon": {"audios": {"format": 3}}}}               | media.patreon.audios.format: must be a non-empty string, got 3
            {"media": {"patreon": {"videos": {"format": null}}}}            | media.patreon.videos.format: must be a non-empty string, got null
            {"media": {"youtube": {"mode": "stream"}}}                      | media.youtube.mode: must be "embed" or "download", got "stream"
            {"media": {"youtube": {"mode": "EMBED"}}}                       | media.youtube.mode: must be "embed" or "download", got "EMBED"
            {"media": {"youtube": {"mode": null}}}                          | media.youtube.mode: must be "embed" or "download", got null
            {"media": {"youtube": {"download_if_embed_fails": "no"}}}       | media.youtube.download_if_embed_fails: must be true or false, got "no"
            {"media": {"youtube": {"download_settings": {"subtitles": "en"}}}}         | media.youtube.download_settings.subtitles: must be a list of language codes such as ["en", "es"], got "en"
            {"media": {"youtube": {"download_settings": {"subtitles": ["en", "en us"]}}}} | media.youtube.download_settings.subtitles[1]: must be a language code such as "en" or "pt-BR", got "en us"
            {"media": {"youtube": {"download_settings": {"subtitles": [null]}}}}       | media.youtube.download_settings.subtitles[0]: must be a language code such as "en" or "pt-BR", got null
            {"media": {"youtube": {"download_settings": {"max_retries": -1}}}}         | media.youtube.download_settings.max_retries: must be between 0 and 100, got -1
            {"media": {"youtube": {"download_settings": {"retry_delay": 0}}}}          | media.youtube.download_settings.retry_delay: must be between 1 and 86400 seconds, got 0
            {"media": {"youtube": {"download_settings": {"auto_subtitles": "true"}}}}  | media.youtube.download_settings.auto_subtitles: must be true or false, got "true"
            # deduplication cannot change
            {"media": {"deduplication": {"enabled": false}}}                | media.deduplication.enabled: deduplication cannot be turned off (media files are stored once, under their SHA-256)
            {"media": {"deduplication": {"hash_algorithm": "md5"}}}         | media.deduplication.hash_algorithm: must be "sha256" (the media store is addressed by SHA-256; no other algorithm is supported), got "md5"
            {"media": {"deduplication": {"enabled": null}}}                 | media.deduplication.enabled: must be true or false, got null
            # numbers out of range or not whole
            {"queue": {"concurrency": {"phase1": 0}}}                       | queue.concurrency.phase1: must be between 1 and 256, got 0
            {"queue": {"concurrency": {"phase2": 257}}}                     | queue.concurrency.phase2: must be between 1 and 256, got 257
            {"queue": {"concurrency": {"media": 2.5}}}                      | queue.concurrency.media: must be a whole number between 1 and 256, got 2.5
            {"queue": {"concurrency": {"phase3": "2"}}}                     | queue.concurrency.phase3: must be a whole number between 1 and 256, got "2"
            {"queue": {"concurrency": {"phase1": 99999999999}}}             | queue.concurrency.phase1: must be between 1 and 256, got 99999999999
            {"queue": {"concurrency": [1, 2]}}                              | queue.concurrency: must be an object, got a list
            {"scraping": {"max_retries": 101}}                              | scraping.max_retries: must be between 0 and 100, got 101
            {"scraping": {"max_retries": null}}                             | scraping.max_retries: must be a whole number between 0 and 100, got null
            {"scraping": {"retry_delay": -5}}                               | scraping.retry_delay: must be between 1 and 86400 seconds, got -5
            {"scraping": {"timeout": 0}}                                    | scraping.timeout: must be between 1 and 3600 seconds, got 0
            {"scraping": {"timeout": "300s"}}                               | scraping.timeout: must be a whole number between 1 and 3600 seconds, got "300s"
            {"scraping": {"requests_per_second": 0}}                        | scraping.requests_per_second: must be a number greater than 0 and at most 1000, got 0
            {"scraping": {"requests_per_second": -0.5}}                     | scraping.requests_per_second: must be a number greater than 0 and at most 1000, got -0.5
            {"scraping": {"requests_per_second": "2"}}                      | scraping.requests_per_second: must be a number greater than 0 and at most 1000, got "2"
            {"scraping": {"user_agent": ""}}                                | scraping.user_agent: must be null or a non-empty string without line breaks, got ""
            {"scraping": {"user_agent": "a\\nb"}}                           | scraping.user_agent: must be null or a non-empty string without line breaks, got "a\\nb"
            {"scraping": {"resync_interval": "6h"}}                         | scraping.resync_interval: must be null or an ISO-8601 duration of at least PT1M, such as "PT6H", got "6h"
            {"scraping": {"resync_interval": "PT30S"}}                      | scraping.resync_interval: must be null or an ISO-8601 duration of at least PT1M, such as "PT6H", got "PT30S"
            {"scraping": {"resync_interval": 3600}}                         | scraping.resync_interval: must be null or an ISO-8601 duration of at least PT1M, such as "PT6H", got 3600
            # the document as a whole
            [1, 2]                                                          | must be a JSON object, got a list
            null                                                            | must be a JSON object, got null
            `{"queue": {}, "queue": {}}`                                    | duplicate key "queue" (line 1, column 22)
            `{"queue": {}} {}`                                              | not valid JSON (line 1, column 15)
            """)
    void badSettingGivesOneLineNamingPathAndRule(String json, String expected) {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> SettingsFile.parse(FILE, json));

        assertThat(error).as("a ConfigException for %s", json).isNotNull();
        assertThat(error.getMessage()).isEqualTo(FILE + ": " + expected).doesNotContain("\n", "\r");
    }
}
