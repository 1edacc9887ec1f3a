// The API's documentation: Swagger UI, served by this server, over its OpenAPI description.
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
