package org.twincatalog.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwinCatalogExceptionTest {

    static final class Refused extends TwinCatalogException {
        Refused(String message) {
            super(Kind.VALIDATION_FAILED, message);
        }

        @Override
        public String detail() {
            return "Refused: " + getMessage();
        }
    }

    @Test
    void anExceptionSaysItsKind_andItsDetailDefaultsToItsMessage() {
        TwinCatalogException plain = new TwinCatalogException(TwinCatalogException.Kind.CONFLICT, "taken") {};

        assertThat(plain.kind()).isEqualTo(TwinCatalogException.Kind.CONFLICT);
        assertThat(plain.detail()).isEqualTo("taken");
        assertThat(new Refused("not CityGML").detail()).isEqualTo("Refused: not CityGML");
        assertThat(new Refused("x")).isInstanceOf(RuntimeException.class);
    }
}
