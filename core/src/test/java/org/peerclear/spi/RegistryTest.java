package org.peerclear.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    /** A kind of plug-in for these tests only. */
    public interface Greeter extends Named {
    }

    public static final class Hello implements Greeter {
        @Override
        public String name() {
            return "hello";
        }
    }

    /** Claims the name of {@link Hello}. */
    public static final class OtherHello implements Greeter {
        @Override
        public String name() {
            return "hello";
        }
    }

    public static final class Howdy implements Greeter {
        @Override
        public String name() {
            return "howdy";
        }
    }

    private static Greeter named(String name) {
        return () -> name;
    }

    @Test
    void namesAreSortedAndFoundByName() {
        Registry<Greeter> r = Registry.of("greeter", List.of(named("zulu"), named("alpha"), named("mike")));
        assertThat(r.names()).containsExactly("alpha", "mike", "zulu");
        assertThat(r.all()).extracting(Named::name).containsExactly("alpha", "mike", "zulu");
        assertThat(r.get("mike").name()).isEqualTo("mike");
        assertThat(r.find("nope")).isEmpty();
    }

    @Test
    void anUnknownNameNamesTheCloseMatchesAndTheAvailableOnes() {
        Registry<Greeter> r = Registry.of("clearing method", List.of(named("qp"), named("lp"), named("admm"), named("milp")));
        assertThatThrownBy(() -> r.get("admn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown clearing method 'admn'; did you mean 'admm'?; available: admm, lp, milp, qp");
        assertThatThrownBy(() -> r.get("gurobi"))
                .hasMessage("Unknown clearing method 'gurobi'; available: admm, lp, milp, qp");
    }

    @Test
    void aNameContainedInAnotherIsACloseMatch() {
        Registry<Greeter> r = Registry.of("solver back-end", List.of(named("ortools-pdlp"), named("ortools-glop"), named("ojalgo")));
        assertThatThrownBy(() -> r.get("pdlp")).hasMessageContaining("did you mean 'ortools-pdlp'?");
        assertThatThrownBy(() -> r.get("ojlago")).hasMessageContaining("did you mean 'ojalgo'?");
    }

    @Test
    void twoPluginsWithOneNameAreRefusedNamingBothClasses() {
        assertThatThrownBy(() -> Registry.of("greeter", List.of(new Hello(), new Howdy(), new OtherHello())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Greeters must have distinct names, but " + Hello.class.getName() + " and "
                        + OtherHello.class.getName() + " are both named 'hello'");
    }

    @Test
    void aPluginWithoutANameIsRefused() {
        assertThatThrownBy(() -> Registry.of("greeter", List.of(named(" "))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no name");
    }

    @Test
    void loadReadsTheServiceRegistrations(@TempDir Path dir) throws IOException {
        try (URLClassLoader cl = withServices(dir, Hello.class, Howdy.class)) {
            Registry<Greeter> r = Registry.load(Greeter.class, "greeter", cl);
            assertThat(r.names()).containsExactly("hello", "howdy");
            assertThat(r.get("howdy")).isInstanceOf(Howdy.class);
        }
    }

    @Test
    void loadRefusesTwoRegistrationsWithOneName(@TempDir Path dir) throws IOException {
        try (URLClassLoader cl = withServices(dir, OtherHello.class, Hello.class)) {
            assertThatThrownBy(() -> Registry.load(Greeter.class, "greeter", cl))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("are both named 'hello'")
                    .hasMessageContaining(Hello.class.getName()).hasMessageContaining(OtherHello.class.getName());
        }
    }

    @Test
    void closeMatchesComeNearestFirst() {
        assertThat(CloseMatches.of("qpp", List.of("lp", "qp", "milp"))).containsExactly("qp");
        assertThat(CloseMatches.of("abcdef", List.of("abcxyf", "abcdex"))).containsExactly("abcdex", "abcxyf");
        assertThat(CloseMatches.of("gurobi", List.of("a", "b"))).isEmpty();
        assertThat(CloseMatches.of("xyz", List.of("lp", "qp"))).isEmpty();
        assertThat(CloseMatches.distance("ojalgo", "ojlago")).as("al and la swapped").isEqualTo(1);
        assertThat(CloseMatches.distance("ojalgo", "ojalgos")).isEqualTo(1);
        assertThat(CloseMatches.distance("admm", "amdm")).isEqualTo(1);
    }

    /** A class loader that sees a services file registering these classes, in this order. */
    private static URLClassLoader withServices(Path dir, Class<?>... classes) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        StringBuilder lines = new StringBuilder();
        for (Class<?> c : classes) {
            lines.append(c.getName()).append('\n');
        }
        Files.writeString(services.resolve(Greeter.class.getName()), lines, StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RegistryTest.class.getClassLoader());
    }
}
