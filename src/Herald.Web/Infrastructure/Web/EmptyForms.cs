using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 表单里一个字段都没有时，最小 API 给 [FromForm] 的表单对象传 null（不报 400），处理器随即 NullReferenceException → 500。
/// 这里换成一个空的表单对象：处理器照常校验，重新显示页面并给出中文说明。
/// </summary>
public static class EmptyForms
{
    public static TBuilder BindEmptyForms<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var forms = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(x => x.Parameter.GetCustomAttribute<FromFormAttribute>() is not null
                            && x.Parameter.ParameterType.IsClass && x.Parameter.ParameterType != typeof(string)
                            && x.Parameter.ParameterType.GetConstructor(Type.EmptyTypes) is not null)
                .ToArray();
            if (forms.Length == 0) return next;
            return context =>
            {
                foreach (var (parameter, index) in forms)
                    context.Arguments[index] ??= Activator.CreateInstance(parameter.ParameterType);
                return next(context);
            };
        });
        return builder;
    }
}
