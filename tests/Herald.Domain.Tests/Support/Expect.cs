using Herald.Domain.Common;

namespace Herald.Domain.Tests.Support;

/// <summary>Asserts the exact domain exception type and code (a subclass does not satisfy a base-class expectation).</summary>
public static class Expect
{
    public static DomainException Conflict(Action action, string code) => Throws<DomainException>(action, code);

    public static DomainForbiddenException Forbidden(Action action, string code) =>
        Throws<DomainForbiddenException>(action, code);

    public static DomainValidationException Validation(Action action, string code, string? field = null)
    {
        var ex = Throws<DomainValidationException>(action, code);
        if (field is not null) ex.Field.ShouldBe(field);
        ex.Kind.ShouldBe(DomainErrorKind.Validation);
        return ex;
    }

    private static T Throws<T>(Action action, string code) where T : DomainException
    {
        Exception? caught = null;
        try
        {
            action();
        }
        catch (Exception ex)
        {
            caught = ex;
        }
        caught.ShouldNotBeNull($"expected {typeof(T).Name} with code {code}, but nothing was thrown");
        caught.GetType().ShouldBe(typeof(T), $"expected {typeof(T).Name} ({code}), got {caught.GetType().Name}: {caught.Message}");
        var typed = (T)caught;
        typed.Code.ShouldBe(code);
        return typed;
    }
}
