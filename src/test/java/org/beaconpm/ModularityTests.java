package org.beaconpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String BEGIN = "<!-- modules: written by ModularityTests -->";
    private static final String END = "<!-- end of modules -->";

    private final ApplicationModules modules = ApplicationModules.of(BeaconApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheirPackageInfoAllows() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }

    /**
     * docs/architecture.md lists each module with the modules it uses as they are in the code: the table between its
     * markers is written by this test, which fails (after writing it) when the committed one was out of date.
     */
    @Test
    void theArchitectureDocumentListsEachModuleWithWhatItUses() throws IOException {
        String document = Files.readString(ARCHITECTURE);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("the modules' markers in %s", ARCHITECTURE).isNotNegative();
        assertThat(end).isGreaterThan(begin);

        String table = moduleTable();
        String written = document.substring(0, begin + BEGIN.length()) + "\n" + table + document.substring(end);
        if (!written.equals(document)) {
            Files.writeString(ARCHITECTURE, written);
        }
        assertThat(document)
                .as("%s was out of date and has been rewritten: commit it", ARCHITECTURE)
                .isEqualTo(written);
    }

    private String moduleTable() {
        StringBuilder table = new StringBuilder("| module | what it is for | uses |\n| --- | --- | --- |\n");
        modules.stream()
                .sorted(Comparator.comparing(ApplicationModule::getBasePackage, Comparator.comparing(Object::toString)))
                .forEach(module -> table.append("| `")
                        .append(module.getIdentifier())
                        .append("` | ")
                        .append(purpose(module))
                        .append(" | ")
                        .append(module.getDirectDependencies(modules)
                                .uniqueModules()
                                .map(used -> "`" + used.getIdentifier() + "`")
                                .sorted()
                                .collect(Collectors.joining(", ")))
                        .append(" |\n"));
        return table.toString();
    }

    /** The first sentence of the module's package Javadoc. */
    private static String purpose(ApplicationModule module) {
        Path info = Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java");
        try {
            String text = Files.readString(info);
            int start = text.indexOf("/**");
            int stop = text.indexOf("*/", start);
            String javadoc = text.substring(start + 3, stop)
                    .replaceAll("\\s*\\n\\s*\\*\\s?", " ")
                    .strip();
            int sentence = javadoc.indexOf(". ");
            return (sentence < 0 ? javadoc : javadoc.substring(0, sentence + 1)).replace("|", "\\|");
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return "";
        }
    }
}
