package org.twincatalog.standards;

/** The input could be read safely but is not what was expected (not XML, not CityGML, no files). */
public class InvalidInputException extends StandardsException {
    public InvalidInputException(String message) {
        super(Kind.VALIDATION_FAILED, message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(Kind.VALIDATION_FAILED, message, cause);
    }

    @Override
    public String detail() {
        return "Not CityGML: " + getMessage();
    }
}
