// This file is generated from specs/kaiten-ru/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

/** The kaiten-ru OpenAPI document as JSON, for validating requests and responses at runtime. */
export const kaitenRuSpec: Readonly<Record<string, unknown>> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Kaiten company audit logs",
    "version": "1.0.0",
    "summary": "Audit log of a Kaiten (kaiten.ru) company.",
    "description": "Hand-written description of one operation of the Kaiten API (kaiten.ru: project management and kanban).\n\nSource: the vendor reference page \"Retrieve audit log events\" (developers.kaiten.ru/audit-logs/retrieve-audit-log-events)\nand the API root page (base URL, authentication, rate limit). Where those pages are silent this document says\nwhat it assumes, in an `Assumption:` sentence next to the item concerned.\n\nRate limit: 5 requests per second. Responses carry `X-RateLimit-Remaining` (requests left in the current window)\nand `X-RateLimit-Reset` (UTC epoch seconds when the window resets); over the limit the API answers 429.\n",
    "contact": {
      "name": "Kaiten API documentation",
      "url": "https://developers.kaiten.ru/audit-logs/retrieve-audit-log-events"
    }
  },
  "servers": [
    {
      "url": "https://{domain}.kaiten.ru/api/latest",
      "description": "Latest API version of a company's Kaiten space.",
      "variables": {
        "domain": {
          "default": "example",
          "description": "The company's Kaiten subdomain."
        }
      }
    },
    {
      "url": "https://{domain}.kaiten.ru/api/v1",
      "description": "Version 1 of the same API.",
      "variables": {
        "domain": {
          "default": "example",
          "description": "The company's Kaiten subdomain."
        }
      }
    }
  ],
  "security": [
    {
      "apiToken": []
    }
  ],
  "tags": [
    {
      "name": "audit-logs",
      "description": "Company audit log."
    }
  ],
  "paths": {
    "/audit-logs": {
      "get": {
        "operationId": "retrieveAuditLogEvents",
        "tags": [
          "audit-logs"
        ],
        "summary": "Retrieve audit log events",
        "description": "Get audit log events for the current company. Use an API token of a user who has access to the administrative\nsection \"Audit log\" for the current company.\n\nOrder: events are ordered by creation time from newest to oldest.\nAssumption: events created at the same instant keep a stable order between requests.\n\nPaging: repeat the request with the same filters and increase `offset`. The vendor page says to increase it by\nthe number of events requested; that is wrong when a `limit` above 500 was clamped, so advance by the number\nof events the page actually held, and stop at a page shorter than the limit applied.\n\nRate limit: `x-rate-limit` is the API root page's 5 requests per second per token, for tools: at most\n`requests` requests in each window of `windowSeconds`.\nInvalid parameters: every value that breaks its parameter's schema (a malformed date-time, an unknown\ncategory or action, a non-integer) is answered 400; `x-invalid-parameter-status` says so for tools.\n",
        "x-rate-limit": {
          "requests": 5,
          "windowSeconds": 1
        },
        "x-invalid-parameter-status": {
          "default": 400
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/author_id"
          },
          {
            "$ref": "#/components/parameters/author_uid"
          },
          {
            "$ref": "#/components/parameters/categories"
          },
          {
            "$ref": "#/components/parameters/actions"
          },
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          }
        ],
        "responses": {
          "200": {
            "description": "Audit log events, newest first. An offset past the last event gives an empty array.",
            "headers": {
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/AuditLogEvent"
                  }
                },
                "examples": {
                  "page": {
                    "summary": "One page of events",
                    "value": [
                      {
                        "id": "8f977f36-0f13-4b5f-91ab-0df9d15c7ed8",
                        "app_name": null,
                        "company_uid": "3b4e1b8e-6a43-4a55-9d0e-6f5c2a8e9b11",
                        "author_id": 123,
                        "author_uid": "27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105",
                        "author_username": "jdoe",
                        "author_remote_address": "203.0.113.7",
                        "author": {
                          "id": 123,
                          "uid": "27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105",
                          "full_name": "Jane Doe",
                          "email": "jane.doe@example.com",
                          "username": "jdoe"
                        },
                        "category": "auth",
                        "action": "sign_in_fail",
                        "message": "Failed sign-in attempt",
                        "details": {
                          "reason": "wrong_password"
                        },
                        "created": "2026-04-02T09:30:00.000Z"
                      },
                      {
                        "id": "1c0b2f4e-8e7a-4c1e-b9f6-2d7f0c9a5e33",
                        "app_name": null,
                        "company_uid": "3b4e1b8e-6a43-4a55-9d0e-6f5c2a8e9b11",
                        "author_id": 77,
                        "author_uid": "5f1d7c2a-0b9e-4d3f-8a6c-1e2b3c4d5e6f",
                        "author_username": "former.admin",
                        "author_remote_address": "198.51.100.23",
                        "author": null,
                        "category": "user_management",
                        "action": "change_permissions",
                        "message": "Permissions changed",
                        "details": null,
                        "created": "2026-04-01T17:05:12.345Z"
                      }
                    ]
                  },
                  "empty": {
                    "summary": "Offset past the end",
                    "value": []
                  }
                }
              }
            }
          },
          "400": {
            "description": "Invalid query parameter, unknown category, or unknown action. The page documents no body.",
            "headers": {
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining-Optional"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset-Optional"
              }
            }
          },
          "401": {
            "description": "Authentication is required. The page documents no body. Other endpoints of the same API document a plain\ntext body (`Invalid token`) for 401, so clients must not assume an error body is empty, JSON, or present.\n",
            "headers": {
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining-Optional"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset-Optional"
              }
            }
          },
          "403": {
            "description": "The user does not have access to the audit log administrative section. The page documents no body.",
            "headers": {
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining-Optional"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset-Optional"
              }
            }
          },
          "429": {
            "description": "More than 5 requests in one second (from the API root page). Wait until `X-RateLimit-Reset`.\nAssumption: no body is documented for 429, so none is described here.\n",
            "headers": {
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "API token of a Kaiten user, sent as `Authorization: Bearer <token>`."
      }
    },
    "headers": {
      "X-RateLimit-Remaining": {
        "description": "Requests left in the current rate-limit window.",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 4
      },
      "X-RateLimit-Reset": {
        "description": "UTC epoch seconds at which the current rate-limit window resets.",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 1775122201
      },
      "X-RateLimit-Remaining-Optional": {
        "description": "Requests left in the current rate-limit window. Assumption: present when the request reached the rate\nlimiter; the page does not say whether error responses carry it.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 4
      },
      "X-RateLimit-Reset-Optional": {
        "description": "UTC epoch seconds at which the current rate-limit window resets. Assumption: present when the request reached\nthe rate limiter; the page does not say whether error responses carry it.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 1775122201
      }
    },
    "parameters": {
      "from": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Return events created at or after this date-time (inclusive). Format ISO 8601.",
        "schema": {
          "type": "string",
          "format": "date-time"
        },
        "example": "2026-04-01T00:00:00.000Z"
      },
      "to": {
        "name": "to",
        "in": "query",
        "required": false,
        "description": "Return events created at or before this date-time (inclusive). Format ISO 8601.",
        "schema": {
          "type": "string",
          "format": "date-time"
        },
        "example": "2026-04-30T23:59:59.999Z"
      },
      "author_id": {
        "name": "author_id",
        "in": "query",
        "required": false,
        "description": "Filter events by author user id.",
        "schema": {
          "type": "integer"
        },
        "example": 123
      },
      "author_uid": {
        "name": "author_uid",
        "in": "query",
        "required": false,
        "description": "Filter events by author user uid.",
        "schema": {
          "type": "string"
        },
        "example": "27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105"
      },
      "categories": {
        "name": "categories",
        "in": "query",
        "required": false,
        "description": "Comma-separated audit log categories. An unknown category gives 400.",
        "style": "form",
        "explode": false,
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/AuditLogCategory"
          }
        },
        "example": [
          "auth",
          "user_management"
        ]
      },
      "actions": {
        "name": "actions",
        "in": "query",
        "required": false,
        "description": "Comma-separated audit log actions. An unknown action gives 400.",
        "style": "form",
        "explode": false,
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/AuditLogAction"
          }
        },
        "example": [
          "sign_in_fail",
          "change_permissions"
        ]
      },
      "id": {
        "name": "id",
        "in": "query",
        "required": false,
        "description": "Filter by audit log event id.",
        "schema": {
          "type": "string",
          "format": "uuid"
        },
        "example": "8f977f36-0f13-4b5f-91ab-0df9d15c7ed8"
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Maximum number of audit log events to return. Default 100, maximum 500. If `limit` is greater than 500 the API\napplies 500 (it does not reject the value); if `limit` is 0 the API applies the default.\nAssumption: a negative limit is an invalid query parameter (400).\n`x-kaiten-limit-clamp` says the same for tools, which JSON Schema cannot: a limit `above` the value is applied\nas `applies`, and 0 means the parameter's `default`.\n",
        "schema": {
          "type": "integer",
          "minimum": 0,
          "default": 100
        },
        "x-kaiten-limit-clamp": {
          "above": 500,
          "applies": 500,
          "zeroMeans": "default"
        },
        "example": 100
      },
      "offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "Number of audit log events to skip. To read the next page, repeat the request with the same filters and\nincrease `offset` by the number of events the previous page held.\nAssumption: a negative offset is an invalid query parameter (400).\n",
        "schema": {
          "type": "integer",
          "minimum": 0,
          "default": 0
        },
        "example": 0
      }
    },
    "schemas": {
      "AuditLogCategory": {
        "type": "string",
        "description": "Audit log categories accepted by the `categories` filter.",
        "enum": [
          "app",
          "auth",
          "user_profile",
          "user_management",
          "group_management",
          "service_desk",
          "publication",
          "import",
          "company_profile"
        ]
      },
      "AuditLogAction": {
        "type": "string",
        "description": "Audit log actions accepted by the `actions` filter.",
        "enum": [
          "start",
          "stop",
          "sign_in",
          "sign_in_fail",
          "sign_out",
          "request_auth_pin",
          "change_password",
          "request_change_email",
          "change_email",
          "invite",
          "invite_fail",
          "deactivate",
          "activate",
          "change_permissions",
          "change_apps_permissions",
          "grant_access",
          "revoke_access",
          "transfer_ownership",
          "depersonalization",
          "create",
          "delete",
          "group_activate",
          "group_deactivate",
          "add_user",
          "add_admin",
          "admin_add_user",
          "delete_user",
          "admin_delete_user",
          "delete_admin",
          "set_sd_password",
          "change_temporary_sd_password",
          "publish_document",
          "publish_document_group",
          "publish_card",
          "unpublish_document",
          "unpublish_document_group",
          "unpublish_card",
          "share_entity",
          "unshare_entity",
          "public_link",
          "extend_trial"
        ]
      },
      "AuditLogAuthor": {
        "type": "object",
        "description": "Current data of the event's author (the API's user object). Open: the user object has more fields than listed\nhere. Assumption: any listed field may be missing.\n",
        "properties": {
          "id": {
            "type": "integer",
            "description": "User id.",
            "examples": [
              123
            ]
          },
          "uid": {
            "type": "string",
            "description": "User uid.",
            "examples": [
              "27ca9e9f-d4fc-47dd-9d4b-35c7b6e3d105"
            ]
          },
          "full_name": {
            "type": "string",
            "description": "Full name.",
            "examples": [
              "Jane Doe"
            ]
          },
          "email": {
            "type": "string",
            "description": "Email address.",
            "examples": [
              "jane.doe@example.com"
            ]
          },
          "username": {
            "type": "string",
            "description": "Username.",
            "examples": [
              "jdoe"
            ]
          }
        },
        "additionalProperties": true
      },
      "AuditLogEvent": {
        "type": "object",
        "description": "One audit log event.\nAssumption: every attribute on the reference page is always present; the nullable ones may be null.\n",
        "required": [
          "id",
          "app_name",
          "company_uid",
          "author_id",
          "author_uid",
          "author_username",
          "author_remote_address",
          "author",
          "category",
          "action",
          "message",
          "details",
          "created"
        ],
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid",
            "description": "Audit log event id.",
            "examples": [
              "8f977f36-0f13-4b5f-91ab-0df9d15c7ed8"
            ]
          },
          "app_name": {
            "type": [
              "string",
              "null"
            ],
            "description": "Application name that created the event."
          },
          "company_uid": {
            "type": [
              "string",
              "null"
            ],
            "description": "Company uid. For this endpoint, events belong to the current company."
          },
          "author_id": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Author user id."
          },
          "author_uid": {
            "type": [
              "string",
              "null"
            ],
            "description": "Author user uid."
          },
          "author_username": {
            "type": [
              "string",
              "null"
            ],
            "description": "Author username stored at event creation time."
          },
          "author_remote_address": {
            "type": [
              "string",
              "null"
            ],
            "description": "Author IP address stored at event creation time."
          },
          "author": {
            "description": "Current user data for the event author, when available. The stored `author_*` fields should be used when\nthe user was deleted or changed after the event.\n",
            "oneOf": [
              {
                "$ref": "#/components/schemas/AuditLogAuthor"
              },
              {
                "type": "null"
              }
            ]
          },
          "category": {
            "type": "string",
            "description": "Audit log event category. Known values are listed in `AuditLogCategory`; typed as a plain string so a\ncategory the server adds later does not break a consumer.\n",
            "examples": [
              "auth"
            ]
          },
          "action": {
            "type": "string",
            "description": "Audit log event action. Known values are listed in `AuditLogAction`; typed as a plain string so an action\nthe server adds later does not break a consumer.\n",
            "examples": [
              "sign_in_fail"
            ]
          },
          "message": {
            "type": "string",
            "description": "Human-readable audit log message."
          },
          "details": {
            "type": [
              "object",
              "null"
            ],
            "description": "Additional event details. The object shape depends on category and action.",
            "additionalProperties": true
          },
          "created": {
            "type": "string",
            "format": "date-time",
            "description": "Event creation date-time in ISO 8601 format."
          }
        }
      }
    }
  }
}
