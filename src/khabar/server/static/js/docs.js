// Start the bundled Swagger UI on khabar's OpenAPI document (a file, not inline, so the CSP can forbid inline scripts).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
