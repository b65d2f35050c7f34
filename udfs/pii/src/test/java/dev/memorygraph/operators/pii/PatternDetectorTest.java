package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternDetectorTest {

    final PatternDetector detector = new PatternDetector("US");

    @ParameterizedTest(name = "{0} in: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EMAIL|Write to jane.doe@example.com today|jane.doe@example.com",
                "EMAIL|Contact: j_smith+billing@mail.co.uk.|j_smith+billing@mail.co.uk",
                "EMAIL|<ops@acme-corp.io>|ops@acme-corp.io",
                "PHONE|Call me at +1 415-555-2671 tomorrow|+1 415-555-2671",
                "PHONE|My number is (415) 555-2671.|(415) 555-2671",
                "PHONE|Ring +44 20 7946 0958 please|+44 20 7946 0958",
                "PHONE|Numéro : +33 1 42 68 53 00|+33 1 42 68 53 00",
                "PHONE|Tel. +49 30 901820|+49 30 901820",
                "US_SSN|SSN 123-45-6789 on file|123-45-6789",
                "US_SSN|ssn: 536 22 1234|536 22 1234",
                "CREDIT_CARD|Card 4111 1111 1111 1111 expires 12/27|4111 1111 1111 1111",
                "CREDIT_CARD|Mastercard 5500-0000-0000-0004|5500-0000-0000-0004",
                "CREDIT_CARD|amex 378282246310005 ok|378282246310005",
                "CREDIT_CARD|Discover: 6011111111111117|6011111111111117",
                "IBAN|Pay to DE89 3704 0044 0532 0130 00 please|DE89 3704 0044 0532 0130 00",
                "IBAN|IBAN GB82WEST12345698765432|GB82WEST12345698765432",
                "IBAN|FR1420041010050500013M02606 is mine|FR1420041010050500013M02606",
                "IP_ADDRESS|The server 192.168.1.20 is down|192.168.1.20",
                "IP_ADDRESS|from 2001:db8:85a3::8a2e:370:7334 today|2001:db8:85a3::8a2e:370:7334",
                "IP_ADDRESS|peer fe80:0:0:0:200:f8ff:fe21:67cf|fe80:0:0:0:200:f8ff:fe21:67cf",
            })
    void findsAndLocates(PiiType type, String text, String value) {
        List<PiiFinding> findings = detector.detect(text);

        assertThat(findings).hasSize(1);
        PiiFinding f = findings.get(0);
        assertThat(f.type()).isEqualTo(type);
        assertThat(text.substring(f.start(), f.end())).isEqualTo(value);
        assertThat(f.confidence()).isBetween(0.5, 1.0);
    }

    @ParameterizedTest(name = "clean: {0}")
    @ValueSource(
            strings = {
                // identifiers and versions
                "Order #100-234-5678 shipped",
                "Ticket 2024-11-26-0042 is open",
                "eventId 3f2b8c1e-9d4a-4b7e-8f00-123456789abc",
                "Upgrade from 2.4.1.10 to 2.5.0",
                "version 10.0.19041.1415 of Windows",
                "git sha 4111111111111111abc",
                "SKU-4111111111111111",
                "build 192.168.1",
                "Timestamp 2026-11-26T08:00:00Z and 12:30:45",
                "Time 10:20:30:40 is not an address",
                "Use std::vector or a::b in C++",
                // numbers that fail their validators
                "SSN 000-12-3456 is invalid",
                "SSN 666-12-3456 is invalid",
                "SSN 912-12-3456 is invalid",
                "SSN 123-00-4567 is invalid",
                "SSN 123-45-0000 is invalid",
                "Card 4111 1111 1111 1112 fails Luhn",
                "Number 1234567812345670 passes Luhn without an issuer",
                "IBAN DE89 3704 0044 0532 0130 01 has a bad check",
                "IBAN XX89370400440532013000 is no country",
                "Address 256.1.1.1 is out of range",
                "Phone-like id 555-0199 and extension 4242",
                "The year 1999 and 2001 and 120000 units",
                "Score 98765 of 100000 points",
                "email at example dot com",
                "user@localhost is not a public address",
                "a..b@example.com",
            })
    void leavesHardNegativesClean(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }
}
