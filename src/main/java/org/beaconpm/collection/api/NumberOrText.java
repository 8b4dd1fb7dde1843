package org.beaconpm.collection.api;

import java.math.BigDecimal;
import org.beaconpm.collection.ValueText;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A number of a value in a JSON body: a JSON number as it is, or a string read as the entry form and the import read
 * one ({@link ValueText}), so {@code "1,234.5"} and {@code "45%"} are accepted and {@code "12,3,4"} is refused with the
 * same sentence.
 */
final class NumberOrText extends ValueDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return ValueText.number(parser.currentName(), parser.getString());
        }
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }
}
