package gridwatch.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * NullAway runs with {@code OnlyNullMarked=true}: it checks a package only when its
 * {@code package-info.java} says {@code @NullMarked}. A new package without one would compile
 * unchecked and nobody would notice; this rule makes the build notice. It sees the main code of
 * every module on the gateway's classpath (edge-config, device-profiles, detectors,
 * detectors-vision, gateway); {@code @NullMarked} has runtime retention, so ArchUnit reads it
 * from the compiled {@code package-info}.
 */
@AnalyzeClasses(packages = "gridwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class NullMarkedPackagesTest {

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that().resideInAPackage("gridwatch..")
            .should(liveInANullMarkedPackage());

    private static ArchCondition<JavaClass> liveInANullMarkedPackage() {
        return new ArchCondition<>("live in a package annotated @NullMarked") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean marked = c.getPackage().isAnnotatedWith(NullMarked.class);
                events.add(new SimpleConditionEvent(c, marked, c.getName() + (marked
                        ? " is in a @NullMarked package"
                        : " is in " + c.getPackageName() + ", which has no package-info.java with @NullMarked (NullAway skips it)")));
            }
        };
    }
}
