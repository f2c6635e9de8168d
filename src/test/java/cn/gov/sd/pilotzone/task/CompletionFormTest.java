package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompletionFormTest {

    @Test
    void decisionsAreTheThreeOfTheSpec() {
        assertThat(new String[] {CompletionForm.APPROVE, CompletionForm.REJECT, CompletionForm.RETURN})
                .containsExactly("approve", "reject", "return");
    }

    @Test
    void missingFieldsAreAnEmptyMap() {
        assertThat(new CompletionForm("approve", null, null, null).fields()).isEmpty();
    }

    @Test
    void fieldsAreACopyThatCannotChangeAfterValidation() {
        Map<String, Object> fields = new HashMap<>(Map.of("accountNo", "1607001109200012345"));
        CompletionForm form = new CompletionForm("approve", "re-issue", null, fields);

        fields.put("accountNo", "6222000000000000000");

        assertThat(form.fields()).containsExactly(Map.entry("accountNo", "1607001109200012345"));
        assertThatThrownBy(() -> form.fields().put("bankName", "x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
