package io.slotwise.command;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import java.time.Instant;
import java.util.List;

/** The scalar decoders behind {@link ReplyDecoders}. */
final class ScalarDecoders {

    private ScalarDecoders() {}

    static <V> ReplyDecoder<V> value(RedisCodec<?, V> codec) {
        return reply -> {
            byte[] bytes = bulkOrNull(reply, "a bulk string or null");
            return bytes == null ? null : codec.decodeValue(bytes);
        };
    }

    static <K> ReplyDecoder<K> key(RedisCodec<K, ?> codec) {
        return reply -> {
            byte[] bytes = bulkOrNull(reply, "a bulk string (a key) or null");
            return bytes == null ? null : codec.decodeKey(bytes);
        };
    }

    static byte[] bulkOrNull(RespValue reply, String expected) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Bulk bulk) {
            return bulk.bytes();
        }
        if (plain instanceof RespValue.Null) {
            return null;
        }
        throw new UnexpectedReplyException(expected, plain);
    }

    static String text(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Bulk bulk) {
            return bulk.asString();
        } else if (plain instanceof RespValue.SimpleString simple) {
            return simple.value();
        } else if (plain instanceof RespValue.Verbatim verbatim) {
            return verbatim.text();
        } else if (plain instanceof RespValue.Null) {
            return null;
        }
        throw new UnexpectedReplyException("a string or null", plain);
    }

    static String ok(RespValue reply, boolean nullAllowed) {
        RespValue plain = reply.withoutAttributes();
        if (RespValue.SimpleString.OK.equals(plain)) {
            return "OK";
        }
        if (nullAllowed && plain instanceof RespValue.Null) {
            return null;
        }
        throw new UnexpectedReplyException(nullAllowed ? "OK or null" : "OK", plain);
    }

    static Long integer(RespValue reply, boolean nullAllowed) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Int integer) {
            return integer.value();
        }
        if (nullAllowed && plain instanceof RespValue.Null) {
            return null;
        }
        throw new UnexpectedReplyException(nullAllowed ? "an integer or null" : "an integer", plain);
    }

    static Boolean bool(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Int integer && (integer.value() == 0 || integer.value() == 1)) {
            return integer.value() == 1;
        }
        if (plain instanceof RespValue.Boolean bool) {
            return bool.value();
        }
        throw new UnexpectedReplyException("the integer 0 or 1, or a boolean", plain);
    }

    static Double doubleValue(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Double number) {
            return number.value();
        } else if (plain instanceof RespValue.Int integer) {
            return (double) integer.value();
        } else if (plain instanceof RespValue.Null) {
            return null;
        } else if (plain instanceof RespValue.Bulk || plain instanceof RespValue.SimpleString) {
            try {
                return RedisDouble.parse(text(plain));
            } catch (NumberFormatException e) {
                throw new UnexpectedReplyException("a number", plain);
            }
        }
        throw new UnexpectedReplyException("a number or null", plain);
    }

    static Instant time(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Array array && array.elements().size() == 2) {
            List<RespValue> parts = array.elements();
            long seconds = integerText(parts.get(0));
            long micros = integerText(parts.get(1));
            return Instant.ofEpochSecond(seconds, micros * 1_000);
        }
        throw new UnexpectedReplyException("an array of seconds and microseconds", plain);
    }

    /** An integer sent as an integer reply or as text (TIME sends bulk strings). */
    static long integerText(RespValue element) {
        RespValue plain = element.withoutAttributes();
        if (plain instanceof RespValue.Int integer) {
            return integer.value();
        }
        if (plain instanceof RespValue.Bulk || plain instanceof RespValue.SimpleString) {
            try {
                return Long.parseLong(text(plain));
            } catch (NumberFormatException e) {
                throw new UnexpectedReplyException("an integer in text form", plain);
            }
        }
        throw new UnexpectedReplyException("an integer", plain);
    }
}
