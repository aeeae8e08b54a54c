package io.rekindle.survey.page;

import java.util.Locale;
import java.util.Map;

import io.rekindle.survey.answer.AnswerForm;

/** The page's own words (buttons, errors, closed links) in the languages shipped; English otherwise. */
public record PageTexts(String lang, String submit, String optional, String errorSummary, String required,
        String notAChoice, String tooLong, String outOfRange, String ratingLow, String ratingHigh,
        String expiredTitle, String expiredBody, String unknownTitle, String unknownBody, String staleTitle,
        String staleBody) {

    private static final PageTexts EN = new PageTexts("en", "Send my answers", "optional",
            "Please check the answers marked below.", "Please answer this question.",
            "Please choose one of the options.", "Please keep it under 2,000 characters.",
            "Please pick a number from 0 to 10.", "Not at all likely", "Extremely likely",
            "This survey has closed", "The link has expired. Thank you for your interest all the same.",
            "This link does not work", "It may be incomplete: please copy the whole link from the message.",
            "The form has expired", "Please open the link from the message again and send your answers.");

    private static final Map<String, PageTexts> BY_LANGUAGE = Map.of("en", EN,
            "fr", new PageTexts("fr", "Envoyer mes réponses", "facultatif",
                    "Merci de vérifier les réponses signalées ci-dessous.", "Merci de répondre à cette question.",
                    "Merci de choisir l'une des options.", "Merci de rester sous 2 000 caractères.",
                    "Merci de choisir un nombre de 0 à 10.", "Pas du tout probable", "Très probable",
                    "Ce questionnaire est clos", "Le lien a expiré. Merci tout de même de votre intérêt.",
                    "Ce lien ne fonctionne pas",
                    "Il est peut-être incomplet : copiez le lien entier depuis le message.",
                    "Le formulaire a expiré", "Rouvrez le lien depuis le message et renvoyez vos réponses."),
            "de", new PageTexts("de", "Antworten senden", "optional",
                    "Bitte prüfen Sie die unten markierten Antworten.", "Bitte beantworten Sie diese Frage.",
                    "Bitte wählen Sie eine der Optionen.", "Bitte bleiben Sie unter 2.000 Zeichen.",
                    "Bitte wählen Sie eine Zahl von 0 bis 10.", "Überhaupt nicht wahrscheinlich",
                    "Äußerst wahrscheinlich", "Diese Umfrage ist beendet",
                    "Der Link ist abgelaufen. Danke trotzdem für Ihr Interesse.", "Dieser Link funktioniert nicht",
                    "Vielleicht ist er unvollständig: Kopieren Sie den ganzen Link aus der Nachricht.",
                    "Das Formular ist abgelaufen",
                    "Bitte öffnen Sie den Link aus der Nachricht erneut und senden Sie Ihre Antworten."));

    public static PageTexts in(String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return BY_LANGUAGE.getOrDefault(language, EN);
    }

    public String message(AnswerForm.Problem problem) {
        return switch (problem) {
            case REQUIRED -> required;
            case NOT_A_CHOICE -> notAChoice;
            case TOO_LONG -> tooLong;
            case OUT_OF_RANGE -> outOfRange;
        };
    }
}
