package cn.gov.sd.pilotzone.award;

import java.time.LocalDate;
import java.util.List;

/** One entry of the award catalog ({@code config/award-policies.yml}), citing the clause it comes from. */
public record AwardPolicy(String code, String name, String nameEn, String clause, LocalDate validFrom,
                          LocalDate validTo, AmountRule rule, List<Input> inputs, Integer minAttachments) {

    public AwardPolicy {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        minAttachments = minAttachments == null ? 1 : minAttachments;
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** An input the application must carry in {@code amounts}, with the clause's eligibility condition. */
    public record Input(String name, InputType type, Long min, Boolean mustBe) {
    }

    public enum InputType { MONEY, INTEGER, BOOLEAN }
}
