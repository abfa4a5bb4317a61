// This file is generated from specs/kaiten-ru/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

export interface paths {
    "/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve audit log events
         * @description Get audit log events for the current company. Use an API token of a user who has access to the administrative
         *     section "Audit log" for the current company.
         *
         *     Order: events are ordered by creation time from newest to oldest.
         *     Assumption: events created at the same instant keep a stable order between requests.
         *
         *     Paging: repeat the request with the same filters and increase `offset`. The vendor page says to increase it by
         *     the number of events requested; that is wrong when a `limit` above 500 was clamped, so advance by the number
         *     of events the page actually held, and stop at a page shorter than the limit applied.
         *
         *     Rate limit: `x-rate-limit` is the API root page's 5 requests per second per token, for tools: at most
         *     `requests` requests in each window of `windowSeconds`.
         *     Invalid parameters: every value that breaks its parameter's schema (a malformed date-time, an unknown
         *     category or action, a non-integer) is answered 400; `x-invalid-parameter-status` says so for tools.
         */
        get: operations["retrieveAuditLogEvents"];
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
         * @description Audit log categories accepted by the `categories` filter.
         * @enum {string}
         */
        AuditLogCategory: "app" | "auth" | "user_profile" | "user_management" | "group_management" | "service_desk" | "publication" | "import" | "company_profile";
        /**
         * @description Audit log actions accepted by the `actions` filter.
         * @enum {string}
         */
        AuditLogAction: "start" | "stop" | "sign_in" | "sign_in_fail" | "sign_out" | "request_auth_pin" | "change_password" | "request_change_email" | "change_email" | "invite" | "invite_fail" | "deactivate" | "activate" | "change_permissions" | "change_apps_permissions" | "grant_access" | "revoke_access" | "transfer_ownership" | "depersonalization" | "create" | "delete" | "group_activate" | "group_deactivate" | "add_user" | "add_admin" | "admin_add_user" | "delete_user" | "admin_delete_user" | "delete_admin" | "set_sd_password" | "change_temporary_sd_password" | "publish_document" | "publish_document_group" | "publish_card" | "unpublish_document" | "unpublish_document_group" | "unpublish_card" | "share_entity" | "unshare_entity" | "public_link" | "extend_trial";
        /**
         * @description Current data of the event's author (the API's user object). Open: the user object has more fields than listed
         *     here. Assumption: any listed field may be missing.
         */
        AuditLogAuthor: {
            /**
             * @description User id.
             * @example 123
             */
            id?: number;
            /**
             * @description User uid.
             * @example 27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105
             */
            uid?: string;
            /**
             * @description Full name.
             * @example Jane Doe
             */
            full_name?: string;
            /**
             * @description Email address.
             * @example jane.doe@example.com
             */
            email?: string;
            /**
             * @description Username.
             * @example jdoe
             */
            username?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description One audit log event.
         *     Assumption: every attribute on the reference page is always present; the nullable ones may be null.
         */
        AuditLogEvent: {
            /**
             * Format: uuid
             * @description Audit log event id.
             * @example 8f977f36-0f13-4b5f-91ab-0df9d15c7ed8
             */
            id: string;
            /** @description Application name that created the event. */
            app_name: string | null;
            /** @description Company uid. For this endpoint, events belong to the current company. */
            company_uid: string | null;
            /** @description Author user id. */
            author_id: number | null;
            /** @description Author user uid. */
            author_uid: string | null;
            /** @description Author username stored at event creation time. */
            author_username: string | null;
            /** @description Author IP address stored at event creation time. */
            author_remote_address: string | null;
            /**
             * @description Current user data for the event author, when available. The stored `author_*` fields should be used when
             *     the user was deleted or changed after the event.
             */
            author: components["schemas"]["AuditLogAuthor"] | null;
            /**
             * @description Audit log event category. Known values are listed in `AuditLogCategory`; typed as a plain string so a
             *     category the server adds later does not break a consumer.
             * @example auth
             */
            category: string;
            /**
             * @description Audit log event action. Known values are listed in `AuditLogAction`; typed as a plain string so an action
             *     the server adds later does not break a consumer.
             * @example sign_in_fail
             */
            action: string;
            /** @description Human-readable audit log message. */
            message: string;
            /** @description Additional event details. The object shape depends on category and action. */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @description Event creation date-time in ISO 8601 format.
             */
            created: string;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Return events created at or after this date-time (inclusive). Format ISO 8601.
         * @example 2026-04-01T00:00:00.000Z
         */
        from: string;
        /**
         * @description Return events created at or before this date-time (inclusive). Format ISO 8601.
         * @example 2026-04-30T23:59:59.999Z
         */
        to: string;
        /**
         * @description Filter events by author user id.
         * @example 123
         */
        author_id: number;
        /**
         * @description Filter events by author user uid.
         * @example 27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105
         */
        author_uid: string;
        /**
         * @description Comma-separated audit log categories. An unknown category gives 400.
         * @example [
         *       "auth",
         *       "user_management"
         *     ]
         */
        categories: components["schemas"]["AuditLogCategory"][];
        /**
         * @description Comma-separated audit log actions. An unknown action gives 400.
         * @example [
         *       "sign_in_fail",
         *       "change_permissions"
         *     ]
         */
        actions: components["schemas"]["AuditLogAction"][];
        /**
         * @description Filter by audit log event id.
         * @example 8f977f36-0f13-4b5f-91ab-0df9d15c7ed8
         */
        id: string;
        /**
         * @description Maximum number of audit log events to return. Default 100, maximum 500. If `limit` is greater than 500 the API
         *     applies 500 (it does not reject the value); if `limit` is 0 the API applies the default.
         *     Assumption: a negative limit is an invalid query parameter (400).
         *     `x-kaiten-limit-clamp` says the same for tools, which JSON Schema cannot: a limit `above` the value is applied
         *     as `applies`, and 0 means the parameter's `default`.
         * @example 100
         */
        limit: number;
        /**
         * @description Number of audit log events to skip. To read the next page, repeat the request with the same filters and
         *     increase `offset` by the number of events the previous page held.
         *     Assumption: a negative offset is an invalid query parameter (400).
         * @example 0
         */
        offset: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Requests left in the current rate-limit window.
         * @example 4
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description UTC epoch seconds at which the current rate-limit window resets.
         * @example 1775122201
         */
        "X-RateLimit-Reset": number;
        /**
         * @description Requests left in the current rate-limit window. Assumption: present when the request reached the rate
         *     limiter; the page does not say whether error responses carry it.
         * @example 4
         */
        "X-RateLimit-Remaining-Optional": number;
        /**
         * @description UTC epoch seconds at which the current rate-limit window resets. Assumption: present when the request reached
         *     the rate limiter; the page does not say whether error responses carry it.
         * @example 1775122201
         */
        "X-RateLimit-Reset-Optional": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    retrieveAuditLogEvents: {
        parameters: {
            query?: {
                /**
                 * @description Return events created at or after this date-time (inclusive). Format ISO 8601.
                 * @example 2026-04-01T00:00:00.000Z
                 */
                from?: components["parameters"]["from"];
                /**
                 * @description Return events created at or before this date-time (inclusive). Format ISO 8601.
                 * @example 2026-04-30T23:59:59.999Z
                 */
                to?: components["parameters"]["to"];
                /**
                 * @description Filter events by author user id.
                 * @example 123
                 */
                author_id?: components["parameters"]["author_id"];
                /**
                 * @description Filter events by author user uid.
                 * @example 27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105
                 */
                author_uid?: components["parameters"]["author_uid"];
                /**
                 * @description Comma-separated audit log categories. An unknown category gives 400.
                 * @example [
                 *       "auth",
                 *       "user_management"
                 *     ]
                 */
                categories?: components["parameters"]["categories"];
                /**
                 * @description Comma-separated audit log actions. An unknown action gives 400.
                 * @example [
                 *       "sign_in_fail",
                 *       "change_permissions"
                 *     ]
                 */
                actions?: components["parameters"]["actions"];
                /**
                 * @description Filter by audit log event id.
                 * @example 8f977f36-0f13-4b5f-91ab-0df9d15c7ed8
                 */
                id?: components["parameters"]["id"];
                /**
                 * @description Maximum number of audit log events to return. Default 100, maximum 500. If `limit` is greater than 500 the API
                 *     applies 500 (it does not reject the value); if `limit` is 0 the API applies the default.
                 *     Assumption: a negative limit is an invalid query parameter (400).
                 *     `x-kaiten-limit-clamp` says the same for tools, which JSON Schema cannot: a limit `above` the value is applied
                 *     as `applies`, and 0 means the parameter's `default`.
                 * @example 100
                 */
                limit?: components["parameters"]["limit"];
                /**
                 * @description Number of audit log events to skip. To read the next page, repeat the request with the same filters and
                 *     increase `offset` by the number of events the previous page held.
                 *     Assumption: a negative offset is an invalid query parameter (400).
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit log events, newest first. An offset past the last event gives an empty array. */
            200: {
                headers: {
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogEvent"][];
                };
            };
            /** @description Invalid query parameter, unknown category, or unknown action. The page documents no body. */
            400: {
                headers: {
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining-Optional"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset-Optional"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Authentication is required. The page documents no body. Other endpoints of the same API document a plain
             *     text body (`Invalid token`) for 401, so clients must not assume an error body is empty, JSON, or present.
             */
            401: {
                headers: {
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining-Optional"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset-Optional"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The user does not have access to the audit log administrative section. The page documents no body. */
            403: {
                headers: {
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining-Optional"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset-Optional"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description More than 5 requests in one second (from the API root page). Wait until `X-RateLimit-Reset`.
             *     Assumption: no body is documented for 429, so none is described here.
             */
            429: {
                headers: {
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
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
export const auditLogCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditLogCategory"]> = ["app", "auth", "user_profile", "user_management", "group_management", "service_desk", "publication", "import", "company_profile"];
export const auditLogActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditLogAction"]> = ["start", "stop", "sign_in", "sign_in_fail", "sign_out", "request_auth_pin", "change_password", "request_change_email", "change_email", "invite", "invite_fail", "deactivate", "activate", "change_permissions", "change_apps_permissions", "grant_access", "revoke_access", "transfer_ownership", "depersonalization", "create", "delete", "group_activate", "group_deactivate", "add_user", "add_admin", "admin_add_user", "delete_user", "admin_delete_user", "delete_admin", "set_sd_password", "change_temporary_sd_password", "publish_document", "publish_document_group", "publish_card", "unpublish_document", "unpublish_document_group", "unpublish_card", "share_entity", "unshare_entity", "public_link", "extend_trial"];
