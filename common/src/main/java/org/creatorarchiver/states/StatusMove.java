package org.creatorarchiver.states;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One named move of a status column, a row of its transition table: the states a row may leave by this move (and
 * whether the move may create the row), and the states it may lead to.
 */
public interface StatusMove<S extends Enum<S>> {

    String name();

    /** The move's row of the table. */
    Rule<S> rule();

    /** Whether the move may write a row that does not exist yet (an insert or an upsert). */
    default boolean fromNew() {
        return rule().fromNew();
    }

    default Set<S> from() {
        return rule().from();
    }

    default Set<S> to() {
        return rule().to();
    }

    /** The one state a single-target move leads to. */
    default S target() {
        if (to().size() != 1) {
            throw new IllegalStateException(name() + " leads to " + to() + ": name the target");
        }
        return to().iterator().next();
    }

    /**
     * @param fromNew whether the move may create the row
     * @param from    the states the move may leave
     * @param to      the states it may lead to
     */
    record Rule<S extends Enum<S>>(boolean fromNew, Set<S> from, Set<S> to) {
        public Rule {
            from = Collections.unmodifiableSet(EnumSet.copyOf(from));
            to = Collections.unmodifiableSet(EnumSet.copyOf(to));
        }
    }
}
