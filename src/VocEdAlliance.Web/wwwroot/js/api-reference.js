// The API reference: Scalar (served by the portal) shows the portal's OpenAPI document. Nothing outside the portal is
// contacted: no web fonts, no telemetry, no AI agent, no proxy (the page's Content-Security-Policy would refuse them).
(function () {
    'use strict';
    var host = document.getElementById('api-docs');
    if (!host || !window.Scalar || typeof window.Scalar.createApiReference !== 'function') {
        return;
    }
    window.Scalar.createApiReference(host, {
        url: host.getAttribute('data-document'),
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        showDeveloperTools: 'never',
        authentication: { preferredSecurityScheme: 'token' }
    });
})();
