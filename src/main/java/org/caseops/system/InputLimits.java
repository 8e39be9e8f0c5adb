package org.caseops.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits on what a request may say, for every endpoint at once (issue 13): a JSON body with a key twice is refused;
 * no JSON string is longer than {@value #MAX_TEXT} characters (fields with a tighter limit say so in the OpenAPI
 * schema); every date, in a JSON body or a query parameter, lies between {@link #EARLIEST} and {@link #LATEST}. Each
 * refusal is a 400 problem detail naming the field ({@link ApiExceptionHandler}).
 *
 * <p>Only request bodies are read with these limits: the application's own {@link ObjectMapper} (stored reports,
 * the audit export) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimits {

    /** The longest text any JSON field takes (a case note or a resolution takes 10,000). */
    public static final int MAX_TEXT = 20_000;
    /** The earliest date any request may name. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date any request may name. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** A value a request may not carry; Jackson adds the path of the field to it. */
    public static final class OutOfLimits extends InvalidFormatException {
        OutOfLimits(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    /** Whether {@code date} lies in the range requests may name. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static String rangeText() {
        return "a date between " + EARLIEST + " and " + LATEST;
    }

    @Bean
    WebMvcConfigurer inputLimitsForRequests(ObjectMapper json) {
        ObjectMapper requests = json.copy();
        requests.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule limits = new SimpleModule("caseops-input-limits");
        limits.addDeserializer(String.class, new LimitedText());
        limits.addDeserializer(LocalDate.class, new BoundedDate());
        requests.registerModule(limits);
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                // replaced, not changed: the converter Spring Boot made is shared with its HTTP clients
                converters.replaceAll(converter -> converter instanceof MappingJackson2HttpMessageConverter
                        ? new MappingJackson2HttpMessageConverter(requests) : converter);
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldAnnotation(new BoundedDateParameters());
            }
        };
    }

    /** Text up to {@value #MAX_TEXT} characters. */
    static final class LimitedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.length() > MAX_TEXT) {
                throw new OutOfLimits(p, "at most " + MAX_TEXT + " characters (this one has " + text.length() + ")",
                        text.substring(0, 20) + "…", String.class);
            }
            return text;
        }
    }

    /**
     * A date (yyyy-MM-dd) between {@link #EARLIEST} and {@link #LATEST}: Jackson's own reading, contextualized as it
     * would be, then the range.
     */
    static final class BoundedDate extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<LocalDate>
            implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {
        private final com.fasterxml.jackson.databind.JsonDeserializer<?> standard;

        BoundedDate() {
            this(new LocalDateDeserializer(DateTimeFormatter.ISO_LOCAL_DATE));
        }

        private BoundedDate(com.fasterxml.jackson.databind.JsonDeserializer<?> standard) {
            super(LocalDate.class);
            this.standard = standard;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(DeserializationContext ctxt,
                com.fasterxml.jackson.databind.BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            return new BoundedDate(standard instanceof com.fasterxml.jackson.databind.deser.ContextualDeserializer c
                    ? c.createContextual(ctxt, property) : standard);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = (LocalDate) standard.deserialize(p, ctxt);
            if (date != null && !inRange(date)) {
                throw new OutOfLimits(p, rangeText() + ", not " + date, date.toString(), LocalDate.class);
            }
            return date;
        }
    }

    /**
     * Query and path parameters annotated {@code @DateTimeFormat}: parsed as Spring does, then refused outside the
     * range (a 400 naming the parameter). Registered after Spring's own, so it takes precedence.
     */
    static final class BoundedDateParameters implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return standard.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            @SuppressWarnings("unchecked")
            Parser<LocalDate> parser = (Parser<LocalDate>) standard.getParser(annotation, fieldType);
            return (String text, Locale locale) -> {
                LocalDate date = parser.parse(text, locale);
                if (date != null && !inRange(date)) {
                    throw new ParseException(rangeText() + ", not " + date, 0);
                }
                return date;
            };
        }
    }
}
