// This file is generated from specs/kaiten-sh/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

import type { ApiModel } from './api-model.js'

/** The kaiten-sh API model: operations, parameters, documented responses and vendor extensions. */
export const kaitenShModel = {
  "title": "Kaiten Cloud instance audit trails",
  "version": "1.0.0",
  "operations": {
    "getAuditTrails": {
      "operationId": "getAuditTrails",
      "method": "get",
      "path": "/instances/{instanceSlug}/audit-trails",
      "servers": [
        {
          "url": "https://demo.kaiten.sh",
          "variables": {}
        },
        {
          "url": "{scheme}://{host}/api",
          "variables": {
            "scheme": {
              "default": "http",
              "enum": [
                "http",
                "https"
              ]
            },
            "host": {
              "default": "localhost:6000"
            }
          }
        }
      ],
      "parameters": [
        {
          "name": "instanceSlug",
          "in": "path",
          "required": true,
          "style": "simple",
          "explode": false,
          "schema": {
            "types": [
              "string"
            ],
            "minLength": 1
          },
          "extensions": {}
        },
        {
          "name": "event_name",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ]
          },
          "extensions": {}
        },
        {
          "name": "after",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ],
            "format": "date-time"
          },
          "extensions": {}
        },
        {
          "name": "before",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ],
            "format": "date-time"
          },
          "extensions": {}
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "integer"
            ],
            "format": "int32",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          },
          "extensions": {}
        },
        {
          "name": "offset",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "integer"
            ],
            "format": "int32",
            "minimum": 0,
            "default": 0
          },
          "extensions": {}
        }
      ],
      "responses": [
        {
          "status": "200",
          "mediaTypes": [
            "application/json"
          ],
          "headers": []
        },
        {
          "status": "400",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        },
        {
          "status": "401",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        },
        {
          "status": "403",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        },
        {
          "status": "404",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        },
        {
          "status": "422",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        },
        {
          "status": "500",
          "mediaTypes": [
            "application/problem+json"
          ],
          "headers": []
        }
      ],
      "extensions": {
        "x-invalid-parameter-status": {
          "default": 422,
          "date-time": 400
        }
      },
      "item": {
        "fields": [
          {
            "name": "id",
            "required": true,
            "types": [
              "integer"
            ],
            "format": "int64"
          },
          {
            "name": "instanceId",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "instanceSlug",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "eventName",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "payload",
            "required": true,
            "types": []
          },
          {
            "name": "status",
            "required": true,
            "types": [
              "string"
            ],
            "enum": [
              "ACCEPTED",
              "REJECTED"
            ]
          },
          {
            "name": "timestamp",
            "required": true,
            "types": [
              "string"
            ],
            "format": "date-time"
          }
        ]
      },
      "invalidParameterStatus": {
        "default": 422,
        "date-time": 400
      }
    }
  }
} as const satisfies ApiModel
