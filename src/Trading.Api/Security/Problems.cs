using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Trading.Api.Security;

/// <summary>Every error the API answers is problem+json (RFC 9457): a status, a title and a one-line detail, never a stack trace.</summary>
public static class Problems
{
    public static IResult Result(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);

    public static IResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Result(StatusCodes.Status409Conflict, "Conflict", detail);

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return problems is null
            ? context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json")
            : problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
