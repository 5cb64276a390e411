package dk.borgerflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** http://localhost:8080 opens Tasklist, where agents work. */
@Controller
class TasklistRedirect {

    @GetMapping("/")
    String tasklist() {
        return "redirect:/camunda/app/tasklist/";
    }
}
