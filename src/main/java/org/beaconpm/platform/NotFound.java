package org.beaconpm.platform;

/** The record asked for does not exist, or is outside what the user may see: a 404 page, or 404 problem details. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " was not found");
    }
}
