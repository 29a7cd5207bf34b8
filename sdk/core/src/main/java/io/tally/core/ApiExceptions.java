package io.tally.core;

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
