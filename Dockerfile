# Multi-stage build of the portal. Used by docker-compose.yml; configured entirely through environment variables.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/VocEdAlliance.Web/VocEdAlliance.Web.csproj src/VocEdAlliance.Web/
RUN dotnet restore src/VocEdAlliance.Web/VocEdAlliance.Web.csproj
COPY src/ src/
RUN dotnet publish src/VocEdAlliance.Web/VocEdAlliance.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    Logging__Json=true
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "VocEdAlliance.Web.dll"]
