package cn.gov.sd.pilotzone.award;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedCharsets;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.TableReader;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound feed {@code payment-receipts} from 市财政局. All rows are checked before any is applied; the file's
 * receipts go in one transaction. A receipt the hub already has (same payment, same status) is skipped and
 * reported, so a re-sent file is harmless; a receipt for an unknown or void instruction rejects the file, and so
 * does a {@code paid_on} after today. A second {@code PAID} receipt with another bank reference is not a re-send:
 * it raises a possible double transfer to 市财政局 ({@link PaymentAlerts}) and is reported (docs/money-rules.md).
 */
@Component
class PaymentReceiptFeed implements FeedHandler {

    static final List<Column> COLUMNS = List.of(
            Column.code("payment_id", "支付编号", true),
            new Column("status", "状态", true),
            new Column("paid_on", "支付日期", false),
            Column.code("bank_reference", "银行流水号", false),
            new Column("message", "说明", false));

    private record Receipt(int line, String paymentId, Payments.Status status, LocalDate paidOn, String reference,
                           String message) {
    }

    private record SecondPayment(int line, Payments.Instruction paid, String reference, LocalDate paidOn) {
    }

    private final Payments payments;
    private final AwardApplications applications;
    private final FeedCharsets charsets;
    private final MoneyRules rules;
    private final PaymentAlerts alerts;

    PaymentReceiptFeed(Payments payments, AwardApplications applications, FeedCharsets charsets,
                              MoneyRules rules, PaymentAlerts alerts) {
        this.rules = rules;
        this.alerts = alerts;
        this.payments = payments;
        this.applications = applications;
        this.charsets = charsets;
    }

    @Override
    public String feed() {
        return "payment-receipts";
    }

    @Override
    @Transactional
    public FeedResult accept(String fileName, byte[] content) {
        List<Receipt> receipts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        List<SecondPayment> secondPayments = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : TableReader.read(fileName, content, charsets.of(feed()), COLUMNS)) {
            String paymentId = row.text("payment_id", true);
            // two receipts for one payment in one file (PAID and FAILED?): the finance bureau must say which holds
            row.unique(seen, paymentId, "payment_id");
            String statusText = row.text("status", true);
            Payments.Status status = null;
            if ("PAID".equals(statusText) || "FAILED".equals(statusText)) {
                status = Payments.Status.valueOf(statusText);
            } else if (statusText != null) {
                row.problem("status", "receipt.status", statusText);
            }
            LocalDate paidOn = row.date("paid_on", status == Payments.Status.PAID);
            rules.paidOn(paidOn).ifPresent(p -> row.problem(p.field(), p.code(), p.args().toArray()));
            String reference = row.text("bank_reference", false);
            var instruction = paymentId == null ? null : payments.find(paymentId).orElse(null);
            if (paymentId != null && instruction == null) {
                row.problem("payment_id", "receipt.unknownPayment", paymentId);
            } else if (instruction != null && status != null && instruction.status() != Payments.Status.ISSUED) {
                if (status == Payments.Status.PAID && instruction.status() == status && reference != null
                        && !reference.equals(instruction.bankReference())) {
                    if (row.valid()) {
                        secondPayments.add(new SecondPayment(row.line(), instruction, reference, paidOn));
                    }
                    problems.addAll(row.problems());
                    continue;
                }
                if (instruction.status() == status) {
                    skipped.add(Problem.of("payment_id", "receipt.duplicate", paymentId).atLine(row.line()));
                    continue;
                }
                row.problem("payment_id", "receipt.notWaiting", paymentId, instruction.status());
            }
            if (row.valid()) {
                receipts.add(new Receipt(row.line(), paymentId, status, paidOn, reference, row.text("message", false)));
            }
            problems.addAll(row.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (Receipt r : receipts) {
            applications.receipt(r.paymentId(), r.status(), r.paidOn(), r.reference(), r.message());
        }
        for (SecondPayment s : secondPayments) {
            alerts.doubleTransfer(s.paid(), s.reference(), s.paidOn());
            skipped.add(Problem.of("bank_reference", "receipt.possibleDoubleTransfer", s.paid().paymentId(),
                    s.paid().bankReference(), s.reference()).atLine(s.line()));
        }
        return new FeedResult(receipts.size() + skipped.size(), receipts.size(), skipped);
    }
}
