package org.creatorarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void decodesNamesAndValuesAndKeepsTheFirstOfARepeatedName() {
        assertThat(QueryStrings.parse("filter%5Bcampaign_id%5D=791478&limit=5&limit=9&flag&q=a+b%26c"))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("filter[campaign_id]", "791478"),
                        org.assertj.core.api.Assertions.entry("limit", "5"),
                        org.assertj.core.api.Assertions.entry("flag", ""),
                        org.assertj.core.api.Assertions.entry("q", "a b&c"));
    }

    @Test
    void parseAllKeepsEveryValueOfARepeatedName() {
        assertThat(QueryStrings.parseAll("limit=5&limit=9&flag"))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("limit", java.util.List.of("5", "9")),
                        org.assertj.core.api.Assertions.entry("flag", java.util.List.of("")));
    }

    @Test
    void noQueryIsNoParameters() {
        assertThat(QueryStrings.parse(null)).isEmpty();
        assertThat(QueryStrings.parse("")).isEmpty();
        assertThat(QueryStrings.parse("&&")).isEmpty();
    }
}
