package cn.gov.sd.pilotzone.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MuClassesTest {

    @Test
    void readsTheClassesAsBureausWriteThem() {
        assertThat(MuClasses.normalize("A")).contains("A");
        assertThat(MuClasses.normalize(" b ")).contains("B");
        assertThat(MuClasses.normalize("Ｃ")).contains("C"); // full-width, as Chinese input methods type it
        assertThat(MuClasses.normalize("D类")).contains("D");
        assertThat(MuClasses.normalize("E")).isEmpty();
        assertThat(MuClasses.normalize("AB")).isEmpty();
        assertThat(MuClasses.normalize("优")).isEmpty();
    }

    @Test
    void classAIsPriorityBySeed000() {
        MuClasses classes = new MuClasses(List.of("A"));
        assertThat(classes.priority("A")).isTrue();
        assertThat(classes.priority("B")).isFalse();
        assertThat(classes.priority(null)).isFalse();
    }

    @Test
    void aBadPriorityClassStopsStartUp() {
        assertThatThrownBy(() -> new MuClasses(List.of("Z"))).isInstanceOf(IllegalArgumentException.class);
    }
}
