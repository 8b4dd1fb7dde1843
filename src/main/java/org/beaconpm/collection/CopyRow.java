package org.beaconpm.collection;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Fields of one row in PostgreSQL's binary COPY format, written into a buffer that is reused from row to row. Binary
 * rows spare the server from parsing numbers, dates and timestamps out of text, which is most of what a COPY of
 * values costs it. The layout of each type is that of PostgreSQL's {@code send} functions.
 */
final class CopyRow {

    /** What starts a binary COPY: the signature, no flags, no header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** What ends one: a field count of -1. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private static final long DAYS_TO_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long SECONDS_TO_2000 = 946_684_800L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final short NUMERIC_NEGATIVE = 0x4000;

    private byte[] bytes = new byte[256];
    private int length;
    private final short[] digits = new short[40];

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** Starts a row of this many fields. */
    CopyRow fields(int count) {
        int16(count);
        return this;
    }

    CopyRow nullField() {
        int32(-1);
        return this;
    }

    CopyRow int4(int value) {
        int32(4);
        int32(value);
        return this;
    }

    CopyRow int8(Long value) {
        if (value == null) {
            return nullField();
        }
        int32(8);
        int64(value);
        return this;
    }

    CopyRow text(String value) {
        if (value == null) {
            return nullField();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    CopyRow date(LocalDate value) {
        int32(4);
        int32((int) (value.toEpochDay() - DAYS_TO_2000));
        return this;
    }

    CopyRow timestamptz(Instant value) {
        int32(8);
        int64((value.getEpochSecond() - SECONDS_TO_2000) * 1_000_000L + value.getNano() / 1_000);
        return this;
    }

    /**
     * A numeric: its digits in base 10,000 with the decimal point between two of them, the weight of the first (in
     * powers of 10,000), the sign and the number of decimal places to show.
     */
    CopyRow numeric(BigDecimal value) {
        if (value == null) {
            return nullField();
        }
        int scale = Math.max(value.scale(), 0);
        BigDecimal magnitude = value.abs().setScale(scale);
        // Pad the decimals to whole base-10,000 digits, so the decimal point falls between two of them.
        int paddedScale = (scale + 3) / 4 * 4;
        BigInteger unscaled = magnitude.unscaledValue().multiply(BigInteger.TEN.pow(paddedScale - scale));
        int count = 0;
        if (unscaled.bitLength() < 63) {
            for (long rest = unscaled.longValue(); rest != 0; rest /= 10_000) {
                digits[count++] = (short) (rest % 10_000);
            }
        } else {
            for (BigInteger rest = unscaled; rest.signum() != 0; ) {
                BigInteger[] division = rest.divideAndRemainder(TEN_THOUSAND);
                digits[count++] = division[1].shortValue();
                rest = division[0];
            }
        }
        // digits[0] is the least significant; trailing zero digits (after the point or not) need not be sent.
        int lowest = 0;
        while (lowest < count && digits[lowest] == 0) {
            lowest++;
        }
        int sent = count - lowest;
        int weight = sent == 0 ? 0 : count - 1 - paddedScale / 4;
        int32(8 + 2 * sent);
        int16(sent);
        int16(weight);
        int16(value.signum() < 0 ? NUMERIC_NEGATIVE : 0);
        int16(scale);
        for (int i = count - 1; i >= lowest; i--) {
            int16(digits[i]);
        }
        return this;
    }

    private void int16(int value) {
        room(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void int32(int value) {
        room(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
