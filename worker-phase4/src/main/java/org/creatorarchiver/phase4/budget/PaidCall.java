package org.creatorarchiver.phase4.budget;

import java.math.BigDecimal;
import java.util.Objects;
import org.creatorarchiver.db.generated.enums.PaidCallKind;

/**
 * One call to a paid API as the budget sees it before it is sent: what it is for and what it should cost.
 *
 * @param host         the API's host, as the invoice names it
 * @param estimatedUsd what the call will cost by the settings' prices, counted against the day until it is settled
 */
public record PaidCall(PaidCallKind kind, long transcriptId, String model, String host, BigDecimal estimatedUsd) {

    public PaidCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(host, "host");
        if (estimatedUsd.signum() < 0) {
            throw new IllegalArgumentException("a cost is never negative, got " + estimatedUsd);
        }
    }
}
