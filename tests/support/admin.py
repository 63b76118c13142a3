"""Posting admin forms the way a browser would."""


def form_data(response) -> dict:
    """Return what the admin change page would post back if nothing were touched."""
    data = fields_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for inline_form in formset.forms:
            data.update(fields_data(inline_form))
    return data


def fields_data(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[form[name].html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[form[name].html_name] = [str(item) for item in value]
        else:
            data[form[name].html_name] = str(value)
    return data
