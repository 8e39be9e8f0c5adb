package org.caseops.notice;

import java.util.Locale;

/**
 * The languages a call-in letter has a template in, each with the EOIR {@code LANG} code that selects it. A person
 * whose language has no template (K'iche', Mam, Q'anjob'al, ...) gets the Spanish letter with a printed notice that an
 * interpreter in their language will be provided; their language is recorded with the letter ({@link #of}).
 */
public enum LetterLanguage {
    ENGLISH("ENG", Locale.ENGLISH),
    SPANISH("SP", Locale.forLanguageTag("es")),
    PORTUGUESE("POR", Locale.forLanguageTag("pt")),
    FRENCH("FR", Locale.forLanguageTag("fr")),
    /** EOIR writes Haitian Creole as {@code CRE} ("CREOLE"). */
    HAITIAN_CREOLE("CRE", Locale.forLanguageTag("ht"));

    private final String eoirCode;
    private final Locale locale;

    LetterLanguage(String eoirCode, Locale locale) {
        this.eoirCode = eoirCode;
        this.locale = locale;
    }

    public String eoirCode() {
        return eoirCode;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The template for a person whose EOIR language is {@code eoirCode}, and whether an interpreter must be announced:
     * the person's own template when there is one, otherwise Spanish with an interpreter (also when no language is
     * recorded: the notice then says so).
     */
    public record Choice(LetterLanguage template, boolean interpreter) {
    }

    public static Choice of(String eoirCode) {
        String code = eoirCode == null ? "" : eoirCode.trim().toUpperCase(Locale.ROOT);
        for (LetterLanguage language : values()) {
            if (language.eoirCode.equals(code)) {
                return new Choice(language, false);
            }
        }
        return new Choice(SPANISH, true);
    }
}
