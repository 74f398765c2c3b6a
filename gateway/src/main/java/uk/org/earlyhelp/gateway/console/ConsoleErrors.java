package uk.org.earlyhelp.gateway.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The console's error pages, rendered here rather than through {@code /error} (which belongs to the
 * API's filter chain): 404 for what does not exist or is another team's, 403 for what the role may not do.
 */
@ControllerAdvice(basePackages = "uk.org.earlyhelp.gateway.console")
class ConsoleErrors {

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.NOT_FOUND, "Not found",
                "There is nothing here, or nothing you may see.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not give access to this page.");
    }

    static String page(HttpServletResponse response, Model model, HttpStatus status, String title, String message) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "console/error";
    }
}
