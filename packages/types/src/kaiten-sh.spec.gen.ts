// This file is generated from specs/kaiten-sh/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

/** The kaiten-sh OpenAPI document as JSON, for validating requests and responses at runtime. */
export const kaitenShSpec: Readonly<Record<string, unknown>> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Kaiten Cloud instance audit trails",
    "version": "1.0.0",
    "summary": "Audit trail of one Kaiten Cloud (kaiten.sh) instance.",
    "description": "Hand-written description of one operation of the Kaiten Cloud API (kaiten.sh: licensing, entitlements and\nfeature flags for SaaS vendors).\n\nSource: the vendor reference page for `getAuditTrails` (docs.kaiten.sh/docs/openapi-reference/instances/getAuditTrails),\nthe audit-trail guide and the service-account guide. Where those pages are silent this document says what it\nassumes, in an `Assumption:` sentence next to the item concerned.\n\nLater versions of the service moved this endpoint to cursor pagination (`cursor`, an `{items, hasMore, nextCursor}`\nenvelope, UUID ids). This document describes the published offset-paginated contract; the contract tests report\nthe newer shape as drift.\n",
    "contact": {
      "name": "Kaiten Cloud documentation",
      "url": "https://docs.kaiten.sh/docs/openapi-reference/instances/getAuditTrails"
    }
  },
  "servers": [
    {
      "url": "https://demo.kaiten.sh",
      "description": "Vendor demo server (the reference page's example)."
    },
    {
      "url": "{scheme}://{host}/api",
      "description": "Self-hosted install; every path sits under `/api` (the guide's example is `http://localhost:6000/api`).",
      "variables": {
        "scheme": {
          "default": "http",
          "enum": [
            "http",
            "https"
          ],
          "description": "URL scheme of the self-hosted install."
        },
        "host": {
          "default": "localhost:6000",
          "description": "Host and port of the self-hosted install."
        }
      }
    }
  ],
  "security": [
    {
      "serviceAccountToken": []
    }
  ],
  "tags": [
    {
      "name": "instances",
      "description": "Instances managed by Kaiten Cloud and what happened to them."
    }
  ],
  "paths": {
    "/instances/{instanceSlug}/audit-trails": {
      "get": {
        "operationId": "getAuditTrails",
        "tags": [
          "instances"
        ],
        "summary": "List audit trail entries for an instance",
        "description": "Returns audit trail events for a given instance, optionally filtered by event name and time range.\nResults are paginated with `limit` and `offset` (default limit 50, max 200).\n\nOrder: entries come newest first by `timestamp`. The reference page does not state an order; the service's\npublic source sorts by timestamp descending. Assumption: entries with equal timestamps keep a stable order\nbetween requests (the service breaks ties by `id`, newest first).\n\nParameters that break the declared constraints (`limit=0`, `limit=201`, `offset=-1`, `limit=abc`) are answered\nwith 422 by the service's framework (Huma), not 400; a malformed `after`/`before` timestamp is answered with 400.\n`x-invalid-parameter-status` says the same for tools: `date-time` is the status for a value that breaks that\nformat, `default` the status for any other schema violation.\n",
        "x-invalid-parameter-status": {
          "default": 422,
          "date-time": 400
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/instanceSlug"
          },
          {
            "$ref": "#/components/parameters/event_name"
          },
          {
            "$ref": "#/components/parameters/after"
          },
          {
            "$ref": "#/components/parameters/before"
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
            "description": "Audit trail entries, newest first. An offset past the last entry gives an empty array.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/AuditTrailEntry"
                  }
                },
                "examples": {
                  "page": {
                    "summary": "One page of entries",
                    "value": [
                      {
                        "id": 1042,
                        "instanceId": "5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10",
                        "instanceSlug": "acme-production",
                        "eventName": "kaiten.v1.entitlement.usage.report.rejected",
                        "payload": {
                          "entitlement": "seats",
                          "requested": 120,
                          "limit": 100
                        },
                        "status": "REJECTED",
                        "timestamp": "2026-04-02T09:30:00Z"
                      },
                      {
                        "id": 1041,
                        "instanceId": "5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10",
                        "instanceSlug": "acme-production",
                        "eventName": "kaiten.v1.feature_flag.evaluate",
                        "payload": null,
                        "status": "ACCEPTED",
                        "timestamp": "2026-04-02T09:29:58Z"
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
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "serviceAccountToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "ksh_…",
        "description": "Service-account API token, prefixed `ksh_`, sent as `Authorization: Bearer ksh_…`. Reading audit trails needs\nthe `read:instances` scope. No token or an invalid token gives 401; a token without the scope gives 403.\n"
      }
    },
    "parameters": {
      "instanceSlug": {
        "name": "instanceSlug",
        "in": "path",
        "required": true,
        "description": "Instance slug.",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "acme-production"
      },
      "event_name": {
        "name": "event_name",
        "in": "query",
        "required": false,
        "description": "Filter by exact event name (e.g. `kaiten.v1.entitlement.value.get`). No prefix or pattern matching: a strict\nprefix of a real name matches nothing.\n",
        "schema": {
          "type": "string"
        },
        "example": "kaiten.v1.entitlement.value.get"
      },
      "after": {
        "name": "after",
        "in": "query",
        "required": false,
        "description": "RFC 3339 timestamp; include entries with `timestamp` ≥ this value (inclusive).",
        "schema": {
          "type": "string",
          "format": "date-time"
        },
        "example": "2026-04-01T00:00:00Z"
      },
      "before": {
        "name": "before",
        "in": "query",
        "required": false,
        "description": "RFC 3339 timestamp; include entries with `timestamp` ≤ this value (inclusive).",
        "schema": {
          "type": "string",
          "format": "date-time"
        },
        "example": "2026-04-30T23:59:59Z"
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Maximum number of entries to return (default 50, max 200). Values outside 1–200 are rejected with 422.",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 1,
          "maximum": 200,
          "default": 50
        },
        "example": 50
      },
      "offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "Number of entries to skip for pagination. Negative values are rejected with 422.\nAssumption: the default is 0 (the reference page gives none; skipping nothing is the only sensible default).\n",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 0,
          "default": 0
        },
        "example": 0
      }
    },
    "schemas": {
      "KnownEventName": {
        "type": "string",
        "description": "Event names the audit-trail guide documents. The set is open: new event names can appear, so\n`AuditTrailEntry.eventName` is a plain string and this list is for reference and filtering only.\n",
        "enum": [
          "kaiten.v1.entitlement.value.get",
          "kaiten.v1.entitlement.usage.report.accepted",
          "kaiten.v1.entitlement.usage.report.rejected",
          "kaiten.v1.feature_flag.evaluate"
        ]
      },
      "AuditTrailStatus": {
        "type": "string",
        "description": "Outcome of the audited call. The guide lists `ACCEPTED` and `REJECTED`.",
        "enum": [
          "ACCEPTED",
          "REJECTED"
        ]
      },
      "AuditTrailEntry": {
        "type": "object",
        "description": "One audit trail event. The trail is append-only.\nAssumption: every field is always present (the reference page's example shows all of them); only `payload`\nmay be null.\n",
        "required": [
          "id",
          "instanceId",
          "instanceSlug",
          "eventName",
          "payload",
          "status",
          "timestamp"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64",
            "description": "Entry id, increasing with insertion order.",
            "examples": [
              1042
            ]
          },
          "instanceId": {
            "type": "string",
            "description": "Id of the instance the entry belongs to.",
            "examples": [
              "5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10"
            ]
          },
          "instanceSlug": {
            "type": "string",
            "description": "Slug of the instance the entry belongs to.",
            "examples": [
              "acme-production"
            ]
          },
          "eventName": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/KnownEventName"
              },
              {
                "type": "string"
              }
            ],
            "description": "Event name. Known values (see `KnownEventName`): `kaiten.v1.entitlement.value.get`,\n`kaiten.v1.entitlement.usage.report.accepted`, `kaiten.v1.entitlement.usage.report.rejected`,\n`kaiten.v1.feature_flag.evaluate`. The set is open-ended.\n",
            "examples": [
              "kaiten.v1.feature_flag.evaluate"
            ]
          },
          "payload": {
            "description": "Event payload; any JSON value, including null."
          },
          "status": {
            "$ref": "#/components/schemas/AuditTrailStatus"
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the event happened (RFC 3339).",
            "examples": [
              "2026-04-02T09:30:00Z"
            ]
          }
        }
      },
      "ErrorDetail": {
        "type": "object",
        "description": "One detail of a problem, typically a parameter that failed validation.",
        "properties": {
          "location": {
            "type": "string",
            "description": "Where the error occurred, e.g. `query.limit`.",
            "examples": [
              "query.limit"
            ]
          },
          "message": {
            "type": "string",
            "description": "What went wrong.",
            "examples": [
              "expected number >= 1"
            ]
          },
          "value": {
            "description": "The offending value; any JSON value."
          }
        }
      },
      "ProblemDetails": {
        "type": "object",
        "description": "RFC 9457 problem details with an `errors` extension. Served as `application/problem+json`.\nAssumption: `status` and `title` are always present (the service's framework always sets both; RFC 9457\nitself makes every member optional).\n",
        "required": [
          "status",
          "title"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri-reference",
            "default": "about:blank",
            "description": "URI reference identifying the problem type.",
            "examples": [
              "about:blank"
            ]
          },
          "title": {
            "type": "string",
            "description": "Short, human-readable summary of the problem type.",
            "examples": [
              "Unprocessable Entity"
            ]
          },
          "status": {
            "type": "integer",
            "format": "int32",
            "minimum": 100,
            "maximum": 599,
            "description": "The HTTP status code of this response.",
            "examples": [
              422
            ]
          },
          "detail": {
            "type": "string",
            "description": "Explanation specific to this occurrence.",
            "examples": [
              "validation failed"
            ]
          },
          "instance": {
            "type": "string",
            "format": "uri-reference",
            "description": "URI reference identifying this occurrence.",
            "examples": [
              "https://example.com/error-log/abc123"
            ]
          },
          "errors": {
            "type": "array",
            "description": "Details of each individual error.",
            "items": {
              "$ref": "#/components/schemas/ErrorDetail"
            }
          }
        },
        "additionalProperties": true
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad request, for example a malformed `after` or `before` timestamp.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Bad Request",
              "status": 400,
              "detail": "invalid date-time in query parameter",
              "errors": [
                {
                  "location": "query.after",
                  "message": "unable to parse date-time: expected RFC 3339",
                  "value": "yesterday"
                }
              ]
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No token, or the token is not valid.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Unauthorized",
              "status": 401,
              "detail": "missing or invalid bearer token"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token is valid but lacks the `read:instances` scope.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Forbidden",
              "status": 403,
              "detail": "token lacks scope read:instances"
            }
          }
        }
      },
      "NotFound": {
        "description": "No instance has this slug.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Not Found",
              "status": 404,
              "detail": "instance not found"
            }
          }
        }
      },
      "UnprocessableEntity": {
        "description": "A parameter breaks its declared constraints (`limit` outside 1–200, negative `offset`, a non-integer).\nNot on the reference page, which shows five problem responses without status codes; this is how the service's\nframework (Huma) answers constraint violations. `errors[].location` names the parameter, e.g. `query.limit`.\n",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Unprocessable Entity",
              "status": 422,
              "detail": "validation failed",
              "errors": [
                {
                  "location": "query.limit",
                  "message": "expected number <= 200",
                  "value": 201
                }
              ]
            }
          }
        }
      },
      "InternalServerError": {
        "description": "Unexpected server failure.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ProblemDetails"
            },
            "example": {
              "type": "about:blank",
              "title": "Internal Server Error",
              "status": 500,
              "detail": "unexpected error"
            }
          }
        }
      }
    }
  }
}
