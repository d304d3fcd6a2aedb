package dev.gptoss.ls.guard;

import dev.gptoss.ls.backend.GenerationRequest;

/** A model request whose prompt has been redacted, with the secrets it no longer holds. */
public record GuardedRequest(GenerationRequest request, Redacted secrets) {

    /** Whether a suggestion written for this request may go into the code. */
    public boolean allows(String suggestion) {
        return !SecretRedactor.containsSecret(suggestion, secrets);
    }
}
