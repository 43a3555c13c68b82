package org.creatorarchiver.db;

import java.util.regex.Pattern;

/** Removes database secrets from text that may reach a log or an exception message. */
final class Redaction {

    static final String MASK = "***";

    /** {@code user:password@} in a URL's authority. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:\\s]*:)[^/@\\s]*@");
    /** {@code password=}, {@code sslpassword=} parameters of a JDBC URL (or a driver message quoting one). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(\\b(?:ssl)?password=)[^&;\\s)'\"]*");

    private final String password;

    Redaction(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    static String redactUrl(String text) {
        String masked = USER_INFO_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /** The text with URL secrets masked and, wherever it appears, the password itself. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String masked = redactUrl(text);
        return password == null ? masked : masked.replace(password, MASK);
    }

    /** Whether the text holds a secret, i.e. whether it must not be shown as it is. */
    boolean reveals(String text) {
        return text != null && !text.equals(scrub(text));
    }
}
