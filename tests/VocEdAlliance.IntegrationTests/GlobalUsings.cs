global using System.Net;
global using Microsoft.EntityFrameworkCore;
global using VocEdAlliance.IntegrationTests.Infrastructure;
global using VocEdAlliance.Web.Data.Seed;
global using VocEdAlliance.Web.Security;
