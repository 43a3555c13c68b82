package org.creatorarchiver.states;

import java.util.Set;

/**
 * One named move of a status column, a row of its transition table: the states a row may leave by this move (and
 * whether the move may create the row), and the states it may lead to.
 */
public interface StatusMove<S extends Enum<S>> {

    String name();

    /** Whether the move may write a row that does not exist yet (an insert or an upsert). */
    boolean fromNew();

    Set<S> from();

    Set<S> to();

    /** The one state a single-target move leads to. */
    default S target() {
        if (to().size() != 1) {
            throw new IllegalStateException(name() + " leads to " + to() + ": name the target");
        }
        return to().iterator().next();
    }
}
