package org.creatorarchiver.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;

/**
 * "One owner per status column": code that names a status column (the jOOQ field {@code STATUS} of a table) in a
 * method that also writes rows (jOOQ's {@code update}, {@code insertInto}, {@code mergeInto} or {@code newRecord})
 * must belong to that column's owner. Methods that only filter or count by status may name the column anywhere.
 * Checked per method (a lambda counts as its own method), because ArchUnit cannot tell a field read from its use in
 * a {@code SET} clause.
 */
final class StatusColumnWriters {

    private static final String TABLES = "org.creatorarchiver.db.generated.tables.";

    /** Table class (jOOQ generated) → the one class that writes its status column, by its transition table. */
    static final Map<String, String> OWNERS = Map.of(
            TABLES + "Sources", "org.creatorarchiver.sources.SourceStore",
            TABLES + "Posts", "org.creatorarchiver.states.PostStates",
            TABLES + "PostMedia", "org.creatorarchiver.states.PostMediaStates",
            TABLES + "Videos", "org.creatorarchiver.states.VideoStates",
            TABLES + "Transcripts", "org.creatorarchiver.states.TranscriptStates");

    private static final Set<String> WRITE_METHODS = Set.of("update", "insertInto", "mergeInto", "newRecord");

    private StatusColumnWriters() {}

    static ArchRule onlyOwnersWriteStatusColumns() {
        return classes()
                .that()
                .resideOutsideOfPackage("org.creatorarchiver.db.generated..")
                .should(writeStatusColumnsOnlyAsTheirOwner())
                .because("each status column has one owner, which checks every transition");
    }

    private static ArchCondition<JavaClass> writeStatusColumnsOnlyAsTheirOwner() {
        return new ArchCondition<>("write a status column only as its owner") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit method : javaClass.getCodeUnits()) {
                    if (writesRows(method)) {
                        method.getFieldAccesses().stream()
                                .filter(access -> namesAStatusColumnOwnedElsewhere(access, javaClass))
                                .forEach(access -> events.add(SimpleConditionEvent.violated(access, describe(access))));
                    }
                }
            }
        };
    }

    private static boolean writesRows(JavaCodeUnit method) {
        return method.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTarget().getOwner().getPackageName().startsWith("org.jooq")
                        && WRITE_METHODS.contains(call.getTarget().getName()));
    }

    private static boolean namesAStatusColumnOwnedElsewhere(JavaFieldAccess access, JavaClass javaClass) {
        String owner = OWNERS.get(access.getTarget().getOwner().getName());
        return owner != null && access.getTarget().getName().equals("STATUS") && !owner.equals(javaClass.getName());
    }

    private static String describe(JavaFieldAccess access) {
        String table = access.getTarget().getOwner().getName();
        return access.getOrigin().getFullName() + " writes rows and names " + table.substring(TABLES.length())
                + ".STATUS " + access.getSourceCodeLocation() + "; only " + OWNERS.get(table) + " may write it";
    }
}
