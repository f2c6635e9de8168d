package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An award application as the enterprise portal files it (docs/exchange.md), by file or {@code POST /api/award-applications}.
 * {@code amounts} holds the inputs of the policy's rule: money as {@link BigDecimal} yuan, counts as
 * {@link Long}, flags as {@link Boolean}.
 */
public record AwardApplicationForm(String applicationId, String uscc, String enterpriseName, String countyCode,
                                   String policyCode, LocalDate eventDate, Map<String, Object> amounts,
                                   Contact contact, BankAccount bankAccount, List<Attachment> attachments) {

    public AwardApplicationForm {
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record Contact(String name, String phone) {
    }

    public record BankAccount(String bankName, String accountName, String accountNo) {
    }

    public record Attachment(String name, String sha256) {
    }
}
