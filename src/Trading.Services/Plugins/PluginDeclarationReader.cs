using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Trading.Services.Plugins;

/// <summary>Reads <see cref="PluginDeclaration"/>s from a source file's syntax tree: nothing is loaded or run.</summary>
public static class PluginDeclarationReader
{
    public static IReadOnlyList<PluginDeclaration> Read(string path, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path).GetCompilationUnitRoot();
        return root.DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(IsConcreteStrategy)
            .Select(c => new PluginDeclaration(path, c.Identifier.ValueText, StringProperty(c, "Name"), StringProperty(c, "Description") ?? "", Parameters(c)))
            .ToList();
    }

    private static bool IsConcreteStrategy(ClassDeclarationSyntax c) =>
        c.Modifiers.Any(SyntaxKind.PublicKeyword) && !c.Modifiers.Any(SyntaxKind.AbstractKeyword) && !c.Modifiers.Any(SyntaxKind.StaticKeyword)
        && c.BaseList?.Types.Any(t => LastIdentifier(t.Type) == "StrategyBase") == true;

    private static string LastIdentifier(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The value of <c>Name => "..."</c> (or a getter returning a literal); null when the code computes it.</summary>
    private static string? StringProperty(ClassDeclarationSyntax c, string name)
    {
        var property = c.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.ValueText == name);
        if (property is null) return null;
        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        var expression = property.ExpressionBody?.Expression
            ?? getter?.ExpressionBody?.Expression
            ?? getter?.Body?.Statements.OfType<ReturnStatementSyntax>().FirstOrDefault()?.Expression;
        return expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
    }

    private static List<string> Parameters(ClassDeclarationSyntax c) =>
        c.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StrategyParameter" } })
            .Select(i => $"{((MemberAccessExpressionSyntax)i.Expression).Name.Identifier.ValueText.ToLowerInvariant()}{i.ArgumentList}")
            .ToList();
}
