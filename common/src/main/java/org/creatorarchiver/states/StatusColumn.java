package org.creatorarchiver.states;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.UpdateSetMoreStep;

/**
 * A status column and its transition table (its moves): the one piece of code that writes the column. A conditional
 * update takes its {@code WHERE status IN (...)} from the move, so the table is what guards the database: a row in a
 * state the move does not leave is not touched (0 rows, a lost race). A write whose starting state is known in Java
 * (an insert, an upsert over a locked row) is checked and refused with an {@link IllegalTransitionException}.
 */
public final class StatusColumn<R extends TableRecord<R>, S extends Enum<S> & EnumType> {

    private final Table<R> table;
    private final TableField<R, S> column;
    private final Class<S> type;
    private final List<? extends StatusMove<S>> moves;

    public StatusColumn(Table<R> table, TableField<R, S> column, Class<S> type, List<? extends StatusMove<S>> moves) {
        this.table = table;
        this.column = column;
        this.type = type;
        this.moves = List.copyOf(moves);
    }

    /** {@code table.column}, as messages name it. */
    public String name() {
        return table.getName() + "." + column.getName();
    }

    /** Whether some move takes a row from {@code from} to {@code to}: the column's transition matrix. */
    public boolean allowed(S from, S to) {
        return moves.stream()
                .anyMatch(move -> move.from().contains(from) && move.to().contains(to));
    }

    /** Whether some move may create a row in {@code to}. */
    public boolean allowedNew(S to) {
        return moves.stream().anyMatch(move -> move.fromNew() && move.to().contains(to));
    }

    /** The states some move leads to from {@code from}. */
    public EnumSet<S> targets(S from) {
        EnumSet<S> targets = EnumSet.noneOf(type);
        moves.stream().filter(move -> move.from().contains(from)).forEach(move -> targets.addAll(move.to()));
        return targets;
    }

    /** @return {@code to}, once the move is known to allow going there from {@code from} (empty: a new row) */
    public S check(StatusMove<S> move, Optional<S> from, S to) {
        boolean leaves = from.map(move.from()::contains).orElse(move.fromNew());
        if (!leaves || !move.to().contains(to)) {
            throw new IllegalTransitionException(name(), move, from, to);
        }
        return to;
    }

    /** The column's value in an insert or upsert, checked: use with jOOQ's {@code set(Map)}. */
    public Map<Field<?>, Object> assign(StatusMove<S> move, Optional<S> from, S to) {
        return Map.of(column, check(move, from, to));
    }

    /**
     * The column's value in the update of an upsert whose starting state the database knows: pair it with
     * {@link #leavable} in the upsert's {@code WHERE}.
     */
    public Map<Field<?>, Object> target(StatusMove<S> move, S to) {
        if (!move.to().contains(to)) {
            throw new IllegalTransitionException(name(), move, "any state", to);
        }
        return Map.of(column, to);
    }

    /** The rows the move may leave: the {@code WHERE} of its conditional update (or of an upsert's update). */
    public Condition leavable(StatusMove<S> move) {
        return column.in(move.from());
    }

    /**
     * {@code UPDATE table SET status = to, ... WHERE rows AND status IN (move's from)}.
     *
     * @param alsoSet the other columns the same statement writes
     * @return the rows moved; 0 when none was in a state the move leaves
     */
    public int move(
            DSLContext tx, StatusMove<S> move, S to, Condition rows, UnaryOperator<UpdateSetMoreStep<R>> alsoSet) {
        return alsoSet.apply(tx.update(table).set(target(move, to)))
                .where(rows, leavable(move))
                .execute();
    }
}
