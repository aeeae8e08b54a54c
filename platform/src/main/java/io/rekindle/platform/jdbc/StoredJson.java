package io.rekindle.platform.jdbc;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How JSON columns mapped by Hibernate ORM are written and read: as Hibernate writes them by default (the same
 * ObjectMapper, so stored dates and durations keep their format), except that a field this release does not know is
 * skipped rather than refused. During a rolling upgrade the previous release reads what the new one stored (a
 * scenario definition, a template, a survey with a field added since); refusing it would fail those reads there.
 */
@JsonFormat
@PersistenceUnitExtension
public class StoredJson implements FormatMapper {

    private final FormatMapper jackson = new JacksonJsonFormatMapper(
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
