package dev.memorygraph.batch.retention;

import dev.memorygraph.core.config.JobConfig;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Sends the report to its stakeholders by SMTP (Jakarta Mail, Angus): one message to every
 * recipient, a summary in the body, the PDF and the JSON attached. Off when no recipient is set.
 */
final class ReportMail {

    public static final ConfigOption<List<String>> RECIPIENTS =
            ConfigOptions.key("report.recipients")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription("Who gets the report by mail (addresses, ';'-separated).");

    public static final ConfigOption<String> HOST =
            ConfigOptions.key("report.smtp.host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The SMTP server.");

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("report.smtp.port")
                    .intType()
                    .defaultValue(587)
                    .withDescription("The SMTP port.");

    public static final ConfigOption<String> FROM =
            ConfigOptions.key("report.smtp.from")
                    .stringType()
                    .defaultValue("memory-graph@localhost")
                    .withDescription("The sender address.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("report.smtp.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("SMTP user, with report.smtp.password-file.");

    public static final ConfigOption<String> PASSWORD_FILE =
            ConfigOptions.key("report.smtp.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the SMTP password (never the password itself).");

    public static final ConfigOption<Boolean> STARTTLS =
            ConfigOptions.key("report.smtp.starttls")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Require STARTTLS (turn off only for a local server).");

    private final List<InternetAddress> recipients;
    private final ReadableConfig config;

    private ReportMail(List<InternetAddress> recipients, ReadableConfig config) {
        this.recipients = recipients;
        this.config = config;
    }

    /** The mail settings, checked: a bad address or a missing host names its key. */
    static ReportMail fromConfig(ReadableConfig config) {
        List<String> to = config.getOptional(RECIPIENTS).orElse(List.of());
        if (to.isEmpty()) {
            return new ReportMail(List.of(), config);
        }
        JobConfig.required(config, HOST, "the SMTP server the report is sent through");
        try {
            List<InternetAddress> addresses = new java.util.ArrayList<>();
            for (String address : to) {
                addresses.add(new InternetAddress(address.strip(), true));
            }
            new InternetAddress(config.get(FROM), true);
            if (config.getOptional(PASSWORD_FILE).isPresent()) {
                JobConfig.readableFile(PASSWORD_FILE.key(), config.get(PASSWORD_FILE));
            }
            return new ReportMail(addresses, config);
        } catch (AddressException e) {
            throw JobConfig.invalid(RECIPIENTS.key(), null, "mail addresses, name@domain");
        }
    }

    /** Sends the report; returns the number of recipients (0 when mail is off). */
    int send(ComplianceReport report, Path pdf, Path json) throws IOException {
        if (recipients.isEmpty()) {
            return 0;
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", config.get(HOST));
        props.put("mail.smtp.port", Integer.toString(config.get(PORT)));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.get(STARTTLS)));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.get(STARTTLS)));
        props.put("mail.smtp.connectiontimeout", "30000");
        props.put("mail.smtp.timeout", "60000");
        boolean auth = config.getOptional(USERNAME).isPresent();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = Session.getInstance(props);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.get(FROM)));
            message.setRecipients(
                    Message.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
            message.setSubject("memory-graph compliance report " + report.month, "UTF-8");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(
                    "Compliance report for "
                            + report.month
                            + ": "
                            + report.overall.events()
                            + " events, "
                            + report.tenants.size()
                            + " tenants, retention violations: "
                            + (report.violations().isEmpty()
                                    ? "none"
                                    : String.join(", ", report.violations()))
                            + ".\nThe PDF and the JSON are attached.\n",
                    "UTF-8");
            MimeMultipart parts = new MimeMultipart();
            parts.addBodyPart(body);
            parts.addBodyPart(attachment(pdf, "application/pdf"));
            parts.addBodyPart(attachment(json, "application/json"));
            message.setContent(parts);
            if (auth) {
                String password =
                        Files.readString(Path.of(config.get(PASSWORD_FILE)), StandardCharsets.UTF_8)
                                .strip();
                Transport.send(message, config.get(USERNAME), password);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new IOException("the report could not be sent by SMTP", e);
        }
        return recipients.size();
    }

    private static MimeBodyPart attachment(Path file, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        FileDataSource source = new FileDataSource(file.toFile());
        part.setDataHandler(new DataHandler(source));
        part.setFileName(file.getFileName().toString());
        part.setHeader("Content-Type", type);
        return part;
    }
}
