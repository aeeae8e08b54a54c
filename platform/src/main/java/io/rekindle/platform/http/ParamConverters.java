package io.rekindle.platform.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/** Query and path parameters that do not parse are a 400 naming the parameter, not JAX-RS's default 404. */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, "a date such as 2024-05-31", LocalDate::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, "an instant such as 2024-05-31T00:00:00Z", Instant::parse);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) new Converter<>(name, "a number", Double::valueOf);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(String name, String expected, java.util.function.Function<String, T> parse)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new WebApplicationException(Problems.badRequest(name, "'" + value + "' is not " + expected));
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
