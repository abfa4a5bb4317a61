// This file is generated from specs/kaiten-sh/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

export interface paths {
    "/instances/{instanceSlug}/audit-trails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit trail entries for an instance
         * @description Returns audit trail events for a given instance, optionally filtered by event name and time range.
         *     Results are paginated with `limit` and `offset` (default limit 50, max 200).
         *
         *     Order: entries come newest first by `timestamp`. The reference page does not state an order; the service's
         *     public source sorts by timestamp descending. Assumption: entries with equal timestamps keep a stable order
         *     between requests (the service breaks ties by `id`, newest first).
         *
         *     Parameters that break the declared constraints (`limit=0`, `limit=201`, `offset=-1`, `limit=abc`) are answered
         *     with 422 by the service's framework (Huma), not 400; a malformed `after`/`before` timestamp is answered with 400.
         *     `x-invalid-parameter-status` says the same for tools: `date-time` is the status for a value that breaks that
         *     format, `default` the status for any other schema violation.
         */
        get: operations["getAuditTrails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Event names the audit-trail guide documents. The set is open: new event names can appear, so
         *     `AuditTrailEntry.eventName` is a plain string and this list is for reference and filtering only.
         * @enum {string}
         */
        KnownEventName: "kaiten.v1.entitlement.value.get" | "kaiten.v1.entitlement.usage.report.accepted" | "kaiten.v1.entitlement.usage.report.rejected" | "kaiten.v1.feature_flag.evaluate";
        /**
         * @description Outcome of the audited call. The guide lists `ACCEPTED` and `REJECTED`.
         * @enum {string}
         */
        AuditTrailStatus: "ACCEPTED" | "REJECTED";
        /**
         * @description One audit trail event. The trail is append-only.
         *     Assumption: every field is always present (the reference page's example shows all of them); only `payload`
         *     may be null.
         */
        AuditTrailEntry: {
            /**
             * Format: int64
             * @description Entry id, increasing with insertion order.
             * @example 1042
             */
            id: number;
            /**
             * @description Id of the instance the entry belongs to.
             * @example 5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10
             */
            instanceId: string;
            /**
             * @description Slug of the instance the entry belongs to.
             * @example acme-production
             */
            instanceSlug: string;
            /**
             * @description Event name. Known values (see `KnownEventName`): `kaiten.v1.entitlement.value.get`,
             *     `kaiten.v1.entitlement.usage.report.accepted`, `kaiten.v1.entitlement.usage.report.rejected`,
             *     `kaiten.v1.feature_flag.evaluate`. The set is open-ended.
             * @example kaiten.v1.feature_flag.evaluate
             */
            eventName: components["schemas"]["KnownEventName"] | string;
            /** @description Event payload; any JSON value, including null. */
            payload: unknown;
            status: components["schemas"]["AuditTrailStatus"];
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339).
             * @example 2026-04-02T09:30:00Z
             */
            timestamp: string;
        };
        /** @description One detail of a problem, typically a parameter that failed validation. */
        ErrorDetail: {
            /**
             * @description Where the error occurred, e.g. `query.limit`.
             * @example query.limit
             */
            location?: string;
            /**
             * @description What went wrong.
             * @example expected number >= 1
             */
            message?: string;
            /** @description The offending value; any JSON value. */
            value?: unknown;
        };
        /**
         * @description RFC 9457 problem details with an `errors` extension. Served as `application/problem+json`.
         *     Assumption: `status` and `title` are always present (the service's framework always sets both; RFC 9457
         *     itself makes every member optional).
         */
        ProblemDetails: {
            /**
             * Format: uri-reference
             * @description URI reference identifying the problem type.
             * @default about:blank
             * @example about:blank
             */
            type?: string;
            /**
             * @description Short, human-readable summary of the problem type.
             * @example Unprocessable Entity
             */
            title: string;
            /**
             * Format: int32
             * @description The HTTP status code of this response.
             * @example 422
             */
            status: number;
            /**
             * @description Explanation specific to this occurrence.
             * @example validation failed
             */
            detail?: string;
            /**
             * Format: uri-reference
             * @description URI reference identifying this occurrence.
             * @example https://example.com/error-log/abc123
             */
            instance?: string;
            /** @description Details of each individual error. */
            errors?: components["schemas"]["ErrorDetail"][];
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description Bad request, for example a malformed `after` or `before` timestamp. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "invalid date-time in query parameter",
                 *       "errors": [
                 *         {
                 *           "location": "query.after",
                 *           "message": "unable to parse date-time: expected RFC 3339",
                 *           "value": "yesterday"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No token, or the token is not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "missing or invalid bearer token"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The token is valid but lacks the `read:instances` scope. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "token lacks scope read:instances"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No instance has this slug. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "instance not found"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description A parameter breaks its declared constraints (`limit` outside 1–200, negative `offset`, a non-integer).
         *     Not on the reference page, which shows five problem responses without status codes; this is how the service's
         *     framework (Huma) answers constraint violations. `errors[].location` names the parameter, e.g. `query.limit`.
         */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unprocessable Entity",
                 *       "status": 422,
                 *       "detail": "validation failed",
                 *       "errors": [
                 *         {
                 *           "location": "query.limit",
                 *           "message": "expected number <= 200",
                 *           "value": 201
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Unexpected server failure. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "unexpected error"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: {
        /**
         * @description Instance slug.
         * @example acme-production
         */
        instanceSlug: string;
        /**
         * @description Filter by exact event name (e.g. `kaiten.v1.entitlement.value.get`). No prefix or pattern matching: a strict
         *     prefix of a real name matches nothing.
         * @example kaiten.v1.entitlement.value.get
         */
        event_name: string;
        /**
         * @description RFC 3339 timestamp; include entries with `timestamp` ≥ this value (inclusive).
         * @example 2026-04-01T00:00:00Z
         */
        after: string;
        /**
         * @description RFC 3339 timestamp; include entries with `timestamp` ≤ this value (inclusive).
         * @example 2026-04-30T23:59:59Z
         */
        before: string;
        /**
         * @description Maximum number of entries to return (default 50, max 200). Values outside 1–200 are rejected with 422.
         * @example 50
         */
        limit: number;
        /**
         * @description Number of entries to skip for pagination. Negative values are rejected with 422.
         *     Assumption: the default is 0 (the reference page gives none; skipping nothing is the only sensible default).
         * @example 0
         */
        offset: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAuditTrails: {
        parameters: {
            query?: {
                /**
                 * @description Filter by exact event name (e.g. `kaiten.v1.entitlement.value.get`). No prefix or pattern matching: a strict
                 *     prefix of a real name matches nothing.
                 * @example kaiten.v1.entitlement.value.get
                 */
                event_name?: components["parameters"]["event_name"];
                /**
                 * @description RFC 3339 timestamp; include entries with `timestamp` ≥ this value (inclusive).
                 * @example 2026-04-01T00:00:00Z
                 */
                after?: components["parameters"]["after"];
                /**
                 * @description RFC 3339 timestamp; include entries with `timestamp` ≤ this value (inclusive).
                 * @example 2026-04-30T23:59:59Z
                 */
                before?: components["parameters"]["before"];
                /**
                 * @description Maximum number of entries to return (default 50, max 200). Values outside 1–200 are rejected with 422.
                 * @example 50
                 */
                limit?: components["parameters"]["limit"];
                /**
                 * @description Number of entries to skip for pagination. Negative values are rejected with 422.
                 *     Assumption: the default is 0 (the reference page gives none; skipping nothing is the only sensible default).
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Instance slug.
                 * @example acme-production
                 */
                instanceSlug: components["parameters"]["instanceSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit trail entries, newest first. An offset past the last entry gives an empty array. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditTrailEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const knownEventNameValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KnownEventName"]> = ["kaiten.v1.entitlement.value.get", "kaiten.v1.entitlement.usage.report.accepted", "kaiten.v1.entitlement.usage.report.rejected", "kaiten.v1.feature_flag.evaluate"];
export const auditTrailStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditTrailStatus"]> = ["ACCEPTED", "REJECTED"];
