package io.rekindle.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The key scopes besides {@link KeyScope#ADMIN} an endpoint (method, or every method of a class) accepts. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface AllowedKeys {
    KeyScope[] value();
}
