package org.creatorarchiver.states;

import java.util.Optional;

/** A write that a status column's transition table does not allow: a bug in the caller, never an expected outcome. */
public final class IllegalTransitionException extends IllegalStateException {

    IllegalTransitionException(String column, StatusMove<?> move, Optional<? extends Enum<?>> from, Enum<?> to) {
        this(column, move, from.<String>map(Enum::name).orElse("(new row)"), to);
    }

    IllegalTransitionException(String column, StatusMove<?> move, String from, Enum<?> to) {
        super(column + " cannot move from " + from + " to " + to.name() + " by " + move.name());
    }
}
