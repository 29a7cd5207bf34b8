package io.tally.core.spi;

import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.ConflictException;
import io.tally.core.NotFoundException;
import io.tally.core.PaymentRequiredException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.ServerException;
import io.tally.core.UnexpectedStatusException;
import io.tally.core.UnprocessableEntityException;

/** The one place where an HTTP status becomes an exception type. */
public final class ApiExceptions {
    private ApiExceptions() {}

    /** The exception for a failed response, chosen by its status code. */
    public static ApiException forStatus(ErrorContext context) {
        int status = context.statusCode();
        switch (status) {
            case 400:
                return new BadRequestException(context);
            case 401:
                return new AuthenticationException(context);
            case 402:
                return new PaymentRequiredException(context);
            case 403:
                return new PermissionDeniedException(context);
            case 404:
                return new NotFoundException(context);
            case 409:
                return new ConflictException(context);
            case 422:
                return new UnprocessableEntityException(context);
            case 429:
                return new RateLimitException(context);
            default:
                return status >= 500 && status < 600
                        ? new ServerException(context)
                        : new UnexpectedStatusException(context);
        }
    }
}
