// /docs: Swagger UI over newsmill's own OpenAPI description, with nothing fetched from elsewhere.
window.ui = window.SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
});
