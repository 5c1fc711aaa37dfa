package dev.worklens;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

@DisplayName("Module boundaries")
class ModularityTest {

    @Test
    @DisplayName("no module reaches into another module's internals, and there are no cycles")
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(WorklensApplication.class).verify();
    }
}
